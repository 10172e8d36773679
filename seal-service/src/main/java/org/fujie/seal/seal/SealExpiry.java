package org.fujie.seal.seal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a seal counts as expiring soon: it is ACTIVE and its certificate's notAfter falls within the warning window
 * from now (an ACTIVE seal whose certificate has already expired counts too: it needs renewal all the more).
 */
public final class SealExpiry {

    private final Duration window;
    private final Clock clock;

    public SealExpiry(Duration window, Clock clock) {
        if (window == null || window.isNegative()) {
            throw new IllegalArgumentException("fujie.seal.expiry-warning must be a non-negative duration, not " + window);
        }
        this.window = window;
        this.clock = clock;
    }

    /** The end of the window: certificates that expire at or before it are expiring soon. */
    public Instant horizon() {
        return clock.instant().plus(window);
    }

    public boolean expiringSoon(Seal seal) {
        return seal.status() == SealStatus.ACTIVE && seal.notAfter() != null && !seal.notAfter().isAfter(horizon());
    }
}
