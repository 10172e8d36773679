package org.fujie.pki.ses;

/**
 * Bytes that are not a seal or signature of GB/T 38540 / GM/T 0031: malformed DER, a missing or mistyped field,
 * over a size limit. An IllegalArgumentException, as Bouncy Castle's getInstance methods throw, so the model's
 * getInstance can throw it too; the verifier turns it into INDETERMINATE/FORMAT_FAILURE.
 */
public final class SesFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public SesFormatException(String message) {
        super(message);
    }

    public SesFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
