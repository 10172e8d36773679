package org.fujie.trust.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.fujie.pki.validation.MutableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(2, 3, Duration.ofMinutes(5), clock);

    @Test
    void waitWhenSubjectOverLimitThenRefusedUntilTheWindowEnds() {
        throttle.failed("10.0.0.1", "CN=A");
        assertThat(throttle.subjectWait("CN=A")).isNull();
        throttle.failed("10.0.0.2", "CN=A");

        assertThat(throttle.subjectWait("CN=A")).isEqualTo(Duration.ofMinutes(5));
        assertThat(throttle.subjectWait("CN=B")).isNull();
        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.subjectWait("CN=A")).isNull();
    }

    @Test
    void waitWhenAddressOverLimitThenRefusedWhateverTheSubject() {
        throttle.failed("10.0.0.1", null);
        throttle.failed("10.0.0.1", "CN=A");
        throttle.failed("10.0.0.1", "CN=B");

        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.addressWait("10.0.0.1")).isEqualTo(Duration.ofMinutes(4));
        assertThat(throttle.addressWait("10.0.0.9")).isNull();
    }

    @Test
    void failedWhenWindowOverThenCountingStartsAgain() {
        throttle.failed("10.0.0.1", "CN=A");
        clock.advance(Duration.ofMinutes(6));
        throttle.failed("10.0.0.1", "CN=A");

        assertThat(throttle.subjectWait("CN=A")).isNull();
    }
}
