package org.fujie.client.sdk;

/** 404: No such certificate, CA, seal or endpoint. */
public final class NotFoundException extends FujieProblemException {

    public NotFoundException(Problem problem) {
        super(problem);
    }
}
