package org.fujie.client.sdk;

/** Anything a Fujie call can fail with: the service said no ({@link FujieProblemException}) or was not reached ({@link FujieTransportException}). */
public abstract class FujieException extends RuntimeException {

    protected FujieException(String message, Throwable cause) {
        super(message, cause);
    }
}
