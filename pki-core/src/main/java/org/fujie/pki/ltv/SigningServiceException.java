package org.fujie.pki.ltv;

/**
 * A signature above B-B could not be made because what it relies on failed: the TSA gave no token, or the signer's
 * or the TSA's certificate could not be validated now (no revocation answer, revoked, untrusted). The document is
 * not at fault; trying again later may work.
 */
public final class SigningServiceException extends Exception {

    public SigningServiceException(String message) {
        super(message);
    }

    public SigningServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
