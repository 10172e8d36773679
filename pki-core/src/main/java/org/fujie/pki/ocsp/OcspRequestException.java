package org.fujie.pki.ocsp;

/** An OCSP request that cannot be answered as asked; answered with malformedRequest (RFC 6960 4.2.1). */
public final class OcspRequestException extends Exception {

    public OcspRequestException(String message) {
        super(message);
    }
}
