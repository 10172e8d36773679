package org.fujie.seal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock, moved by a test to a time it needs (and back), instead of waiting for it. */
final class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** From now on, the clock shows this instant (and runs on from it). */
    void moveTo(Instant at) {
        offset = Duration.between(Instant.now(), at);
    }

    void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("UTC only");
    }
}
