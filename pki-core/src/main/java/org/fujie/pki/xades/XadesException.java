package org.fujie.pki.xades;

/** A XAdES signature cannot be made over this input with these parameters (the caller's fault, not a service's). */
public final class XadesException extends Exception {

    private static final long serialVersionUID = 1L;

    public XadesException(String message) {
        super(message);
    }

    public XadesException(String message, Throwable cause) {
        super(message, cause);
    }
}
