package org.fujie.pki.operator;

/** A key backend could not do what was asked. Messages name aliases, never key material. */
public class KeyBackendException extends RuntimeException {

    public KeyBackendException(String message) {
        super(message);
    }

    public KeyBackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
