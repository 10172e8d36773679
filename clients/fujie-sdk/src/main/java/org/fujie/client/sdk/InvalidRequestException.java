package org.fujie.client.sdk;

/** 400: The request is malformed or breaks a rule (a bad CSR, a profile that does not allow the algorithm). */
public final class InvalidRequestException extends FujieProblemException {

    public InvalidRequestException(Problem problem) {
        super(problem);
    }
}
