package org.fujie.client.sdk;

/** 403: Authenticated, but the caller's roles do not allow this (or four eyes: the maker approving their own seal). */
public final class ForbiddenException extends FujieProblemException {

    public ForbiddenException(Problem problem) {
        super(problem);
    }
}
