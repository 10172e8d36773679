package org.fujie.pki.pades;

/** A document that cannot be signed as asked; the message says why in terms a caller can show. */
public final class PadesException extends Exception {

    public PadesException(String message) {
        super(message);
    }

    public PadesException(String message, Throwable cause) {
        super(message, cause);
    }
}
