package org.fujie.pki.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RevocationCacheTests {

    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void getWhenBeforeNextUpdateThenKeptAndAtNextUpdateThenGone() {
        RevocationCache<String> cache = new RevocationCache<>(10);
        cache.put("k", "v", now.plus(Duration.ofHours(1)), now);

        assertThat(cache.get("k", now.plus(Duration.ofMinutes(59)))).contains("v");
        assertThat(cache.get("k", now.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void getWhenOlderThanMaxAgeThenGoneAlthoughBeforeNextUpdate() {
        RevocationCache<String> cache = new RevocationCache<>(10, Duration.ofSeconds(60));
        cache.put("k", "v", now.plus(Duration.ofHours(1)), now);
        cache.put("soon", "w", now.plusSeconds(30), now);

        assertThat(cache.get("k", now.plusSeconds(54))).as("kept at least 90 % of maxAge").contains("v");
        assertThat(cache.get("k", now.plusSeconds(60))).isEmpty();
        assertThat(cache.get("soon", now.plusSeconds(30))).as("nextUpdate still bounds it").isEmpty();
    }

    @Test
    void putWhenMaxAgeBoundsManyAnswersThenTheyExpireSpreadOverItsLastTenth() {
        RevocationCache<String> cache = new RevocationCache<>(1000, Duration.ofSeconds(60));
        for (int i = 0; i < 200; i++) {
            cache.put("k" + i, "v", now.plus(Duration.ofHours(1)), now);
        }
        long goneAt57 = java.util.stream.IntStream.range(0, 200).filter(i -> cache.get("k" + i, now.plusSeconds(57)).isEmpty()).count();
        assertThat(goneAt57).as("about half expire in the first half of the last tenth").isBetween(40L, 160L);
        assertThat(java.util.stream.IntStream.range(0, 200).filter(i -> cache.get("k" + i, now.plusSeconds(60)).isPresent()))
                .isEmpty();
    }

    @Test
    void putWhenNoNextUpdateOrAlreadyPastThenNotKept() {
        RevocationCache<String> cache = new RevocationCache<>(10);
        cache.put("none", "v", null, now);
        cache.put("past", "v", now.minusSeconds(1), now);

        assertThat(cache.size()).isZero();
    }

    @Test
    void putWhenFullThenExpiredEntriesGoFirst() {
        RevocationCache<String> cache = new RevocationCache<>(2);
        cache.put("short", "a", now.plusSeconds(10), now);
        cache.put("long", "b", now.plus(Duration.ofHours(1)), now);

        cache.put("new", "c", now.plus(Duration.ofHours(1)), now.plusSeconds(20));

        assertThat(cache.get("long", now.plusSeconds(20))).contains("b");
        assertThat(cache.get("new", now.plusSeconds(20))).contains("c");
        assertThat(cache.size()).isEqualTo(2);
    }
}
