package org.fujie.client.sdk;

/** 401: No credentials, or credentials the service does not accept (an unknown or revoked certificate, an expired token). */
public final class UnauthorizedException extends FujieProblemException {

    public UnauthorizedException(Problem problem) {
        super(problem);
    }
}
