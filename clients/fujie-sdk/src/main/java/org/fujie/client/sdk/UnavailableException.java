package org.fujie.client.sdk;

import java.time.Duration;
import java.util.Optional;

/**
 * 503: the service cannot serve now (a key backend down: {@code key-unavailable}), with the Retry-After it asked for.
 * Thrown after the retries an idempotent call is allowed are spent, or at once for a call that is never retried.
 */
public final class UnavailableException extends FujieProblemException {

    private final Duration retryAfter;

    public UnavailableException(Problem problem, Duration retryAfter) {
        super(problem);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
