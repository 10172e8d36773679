package org.fujie.client.boot.trust;

import org.springframework.security.authentication.AuthenticationServiceException;

/** trust-service could not answer (down, slow, or refusing this application): the log-in fails closed, 503. */
public class TrustServiceUnavailableException extends AuthenticationServiceException {

    public TrustServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public TrustServiceUnavailableException(String message) {
        super(message);
    }
}
