package org.fujie.client.boot.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.fujie.client.boot.MovableClock;
import org.junit.jupiter.api.Test;

class ExpiringCacheTests {

    private final MovableClock clock = new MovableClock();

    @Test
    void getWhenTimeToLivePassedThenGone() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(10, clock);
        cache.put("a", "1", Duration.ofSeconds(60));

        clock.advance(Duration.ofSeconds(59));
        assertThat(cache.get("a")).isEqualTo("1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("a")).isNull();
    }

    @Test
    void putWhenFullThenLeastRecentlyUsedEvicted() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(2, clock);
        cache.put("a", "1", Duration.ofMinutes(1));
        cache.put("b", "2", Duration.ofMinutes(1));
        cache.get("a");
        cache.put("c", "3", Duration.ofMinutes(1));

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("a")).isEqualTo("1");
        assertThat(cache.get("c")).isEqualTo("3");
    }

    @Test
    void computeIfAbsentWhenCachedThenLoaderNotCalledAgain() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(10, clock);
        AtomicInteger loads = new AtomicInteger();

        cache.computeIfAbsent("a", key -> "v" + loads.incrementAndGet(), value -> Duration.ofSeconds(10));
        String second = cache.computeIfAbsent("a", key -> "v" + loads.incrementAndGet(), value -> Duration.ofSeconds(10));

        assertThat(second).isEqualTo("v1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void computeIfAbsentWhenLoaderFailsThenNothingCached() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(10, clock);

        assertThatThrownBy(() -> cache.computeIfAbsent("a", key -> {
            throw new IllegalStateException("down");
        }, value -> Duration.ofSeconds(10))).hasMessage("down");
        assertThat(cache.size()).isZero();
    }

    @Test
    void putWhenTimeToLiveZeroThenNotKept() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(10, clock);
        cache.put("a", "1", Duration.ZERO);

        assertThat(cache.get("a")).isNull();
    }
}
