package org.fujie.client.sdk;

/** 409: The state forbids it: a permanently revoked certificate, an existing CA id, a seal not in the needed status. */
public final class ConflictException extends FujieProblemException {

    public ConflictException(Problem problem) {
        super(problem);
    }
}
