package org.fujie.trust.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed log-ins per certificate subject and per client address in a fixed window, and refuses further
 * attempts of either once over its limit until the window ends. Per instance (a cluster of n instances allows n times
 * the limit), in memory, bounded. Successful log-ins are never throttled by this: only failures count.
 */
final class LoginThrottle {

    private record Window(Instant start, int failures) {
    }

    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Window> bySubject = new ConcurrentHashMap<>();
    private final Map<String, Window> byAddress = new ConcurrentHashMap<>();
    private final int maxPerSubject;
    private final int maxPerAddress;
    private final Duration window;
    private final Clock clock;

    LoginThrottle(int maxPerSubject, int maxPerAddress, Duration window, Clock clock) {
        this.maxPerSubject = maxPerSubject;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.clock = clock;
    }

    /** How long the address must wait, or null when it may try. */
    Duration addressWait(String address) {
        return wait(byAddress, address, maxPerAddress);
    }

    /** How long the subject must wait, or null when it may try. */
    Duration subjectWait(String subject) {
        return wait(bySubject, subject, maxPerSubject);
    }

    void failed(String address, String subject) {
        count(byAddress, address);
        if (subject != null) {
            count(bySubject, subject);
        }
    }

    private Duration wait(Map<String, Window> windows, String key, int max) {
        Window current = key == null ? null : windows.get(key);
        Instant now = clock.instant();
        if (current == null || current.failures() < max || !now.isBefore(current.start().plus(window))) {
            return null;
        }
        return Duration.between(now, current.start().plus(window));
    }

    private void count(Map<String, Window> windows, String key) {
        if (key == null) {
            return;
        }
        Instant now = clock.instant();
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
        }
        windows.merge(key, new Window(now, 1), (old, fresh) -> now.isBefore(old.start().plus(window))
                ? new Window(old.start(), old.failures() + 1) : fresh);
    }
}
