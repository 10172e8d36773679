package org.fujie.trust.auth;

import java.time.Duration;

import org.fujie.service.problem.FujieException;
import org.fujie.trust.problem.TrustProblem;

/** Too many failed log-ins of this subject or from this address: try again after {@link #retryAfter()}. */
final class LoginThrottledException extends FujieException {

    private final Duration retryAfter;

    LoginThrottledException(String who, Duration retryAfter) {
        super(TrustProblem.LOGIN_THROTTLED, "too many failed log-ins " + who + "; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
