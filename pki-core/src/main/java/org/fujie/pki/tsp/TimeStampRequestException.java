package org.fujie.pki.tsp;

/** A time-stamp request that is refused; the TSA answers it with PKIStatus rejection and this failure. */
public final class TimeStampRequestException extends Exception {

    private final TimeStampFailure failure;

    public TimeStampRequestException(TimeStampFailure failure, String message) {
        super(message, null, false, false);
        this.failure = failure;
    }

    public TimeStampFailure failure() {
        return failure;
    }
}
