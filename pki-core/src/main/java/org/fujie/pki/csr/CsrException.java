package org.fujie.pki.csr;

/** A PKCS#10 request that cannot be accepted, with the reason as a stable code. */
public final class CsrException extends Exception {

    public enum Reason {
        /** Not PEM, not DER, or not a PKCS#10 CertificationRequest. */
        MALFORMED,
        /** Larger than the configured limit; not parsed at all. */
        TOO_LARGE,
        /** The self-signature does not verify: no proof of possession of the private key. */
        SIGNATURE_INVALID,
        /** The public key is of an algorithm or size Fujie does not issue for. */
        UNSUPPORTED_KEY
    }

    private final Reason reason;

    public CsrException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
