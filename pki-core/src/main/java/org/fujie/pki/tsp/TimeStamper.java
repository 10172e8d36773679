package org.fujie.pki.tsp;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** Gets an RFC 3161 time-stamp token over a digest: what a signer asks of a TSA, not how the TSA is reached. */
@FunctionalInterface
public interface TimeStamper {

    /**
     * @return the TimeStampToken (a DER ContentInfo of SignedData) whose message imprint is the digest
     * @throws TimeStampException when no token can be had: unreachable, refused, or not a token for this digest
     */
    byte[] timeStamp(ASN1ObjectIdentifier digestAlgorithm, byte[] digest) throws TimeStampException;

    /** Why no time-stamp token could be had. */
    final class TimeStampException extends Exception {

        private static final long serialVersionUID = 1L;

        public TimeStampException(String message) {
            super(message);
        }

        public TimeStampException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
