package org.fujie.client.boot.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A bounded cache whose entries expire, each after the time to live its value asks for. When full, the
 * least recently used entry goes first, so a flood of new keys cannot grow memory. One lock: the
 * values are cheap to look up and expensive (a network call) to make, so contention is not the cost.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, Instant expires) {
    }

    private final int maxEntries;
    private final Clock clock;
    private final Map<K, Entry<V>> entries;

    public ExpiringCache(int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("a cache holds at least one entry, not " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > ExpiringCache.this.maxEntries;
            }
        };
    }

    /** The cached value, or null when there is none or it expired. */
    public synchronized V get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (!entry.expires().isAfter(clock.instant())) {
            entries.remove(key);
            return null;
        }
        return entry.value();
    }

    /** Keeps the value for its time to live; a zero or negative time to live keeps nothing. */
    public synchronized void put(K key, V value, Duration timeToLive) {
        if (timeToLive.isZero() || timeToLive.isNegative()) {
            entries.remove(key);
            return;
        }
        entries.put(key, new Entry<>(value, clock.instant().plus(timeToLive)));
    }

    /**
     * The cached value, or one made by the loader and kept for the time to live it names. The loader runs
     * outside the lock, so a slow trust-service does not stall the hits; two misses for one key may both load.
     */
    public V computeIfAbsent(K key, Function<K, V> loader, Function<V, Duration> timeToLive) {
        V cached = get(key);
        if (cached != null) {
            return cached;
        }
        V loaded = loader.apply(key);
        put(key, loaded, timeToLive.apply(loaded));
        return loaded;
    }

    public synchronized int size() {
        return entries.size();
    }
}
