package org.fujie.client.sdk;

import java.net.URI;

/**
 * The service gave no answer to judge: connection refused, a timeout, a TLS handshake that failed (a wrong trust
 * chain, a client certificate the server does not accept), an answer that is not what the contract promises.
 */
public final class FujieTransportException extends FujieException {

    private final URI uri;

    public FujieTransportException(URI uri, String message, Throwable cause) {
        super(message + " (" + uri + ")", cause);
        this.uri = uri;
    }

    public URI uri() {
        return uri;
    }
}
