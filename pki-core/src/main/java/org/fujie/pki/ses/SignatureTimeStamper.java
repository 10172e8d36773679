package org.fujie.pki.ses;

import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.fujie.pki.tsp.TimeStamper;

/**
 * Gets the RFC 3161 token for SES_Signature.timeStamp: GB/T 38540 time-stamps the signature value (签名值), so this is
 * handed the value's bytes (the BIT STRING's content) and returns a DER TimeStampToken whose imprint is their digest.
 */
@FunctionalInterface
public interface SignatureTimeStamper {

    byte[] timeStamp(byte[] signatureValue) throws TimeStamper.TimeStampException;

    /** Through a TSA client (e.g. TimeStampClient), imprint SM3 of the value; the TSA must accept SM3. */
    static SignatureTimeStamper sm3(TimeStamper tsa) {
        return value -> tsa.timeStamp(GMObjectIdentifiers.sm3, SesDigests.sm3(value));
    }
}
