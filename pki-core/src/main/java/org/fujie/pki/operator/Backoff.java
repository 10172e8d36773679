package org.fujie.pki.operator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When to try an unavailable key backend again: at once the first time, then after a pause that doubles with each
 * failure up to a ceiling, so a missing HSM or a sealed Vault is not hammered and is picked up again without a restart.
 * Thread-safe; the last failure's reason is kept to say why callers are turned away meanwhile.
 */
public final class Backoff {

    private final Duration first;
    private final Duration ceiling;
    private final Clock clock;
    private Duration pause;
    private Instant nextTry = Instant.MIN;
    private String reason;

    public Backoff(Duration first, Duration ceiling, Clock clock) {
        if (first.isNegative() || first.isZero() || ceiling.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= ceiling");
        }
        this.first = first;
        this.ceiling = ceiling;
        this.clock = clock;
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), Clock.systemUTC());
    }

    /** Throws, naming the last failure, while a pause runs; otherwise lets the caller try. */
    public synchronized void checkReady(String what) {
        Instant now = clock.instant();
        if (reason != null && now.isBefore(nextTry)) {
            long seconds = Math.max(1, Duration.between(now, nextTry).toSeconds());
            throw new KeyBackendException(what + " is unavailable: " + reason + " (next try in " + seconds + " s)");
        }
    }

    public synchronized void failed(String why) {
        pause = pause == null ? first : min(pause.multipliedBy(2), ceiling);
        nextTry = clock.instant().plus(pause);
        reason = why;
    }

    public synchronized void succeeded() {
        pause = null;
        reason = null;
        nextTry = Instant.MIN;
    }

    /** Why the last try failed, or null when the last try succeeded. */
    public synchronized String reason() {
        return reason;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
