package org.fujie.client.sdk;

import java.time.Duration;

/**
 * How often an idempotent call is tried again after a 502/503/504 or a connection that failed before an answer.
 * The wait doubles from {@code initialDelay} up to {@code maxDelay}; a Retry-After the service sends is honoured when it
 * is within {@code maxDelay}, and ends the retries when it is longer (trying sooner than asked would only add load).
 * Calls that are not idempotent (issuance, key generation, stamping, making a seal) are never retried: a lost answer
 * may hide a certificate or a signature that exists.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= initialDelay <= maxDelay");
        }
    }

    /** Three attempts, 200 ms then 400 ms apart, Retry-After honoured up to 5 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    /** One attempt only. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    /** The wait before attempt {@code next} (2 for the first retry). */
    Duration delayBefore(int next) {
        Duration delay = initialDelay.multipliedBy(1L << Math.min(next - 2, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
