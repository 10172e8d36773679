package org.fujie.pki.validation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Revocation answers kept until their nextUpdate (RFC 5280 5.1.2.5, RFC 6960 4.2.2.1): a CRL by its
 * URL, an OCSP answer by responder URL and CertID. Information without nextUpdate is not kept, nor are
 * failures (so TRY_LATER can recover at once). Bounded: when full, expired entries go first, then all.
 * Thread-safe; one instance is shared by the validators of a service. A cache may also bound how long
 * it keeps anything ({@code maxAge}), for uses that want fresher answers than the issuer promises, such
 * as log-ins, which must notice a revocation within a minute rather than at the next CRL; such entries are kept
 * between 90 and 100 % of maxAge, spread at random.
 */
public final class RevocationCache<V> {

    private record Entry<V>(V value, Instant nextUpdate) {
    }

    private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Duration maxAge;

    public RevocationCache(int maxEntries) {
        this(maxEntries, null);
    }

    /** @param maxAge the longest anything is kept, whatever its nextUpdate; null for no bound */
    public RevocationCache(int maxEntries, Duration maxAge) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
    }

    /** The value kept under the key if its nextUpdate has not passed at now. */
    public Optional<V> get(String key, Instant now) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!now.isBefore(entry.nextUpdate())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** Keeps the value until nextUpdate (or maxAge from now, if sooner); nothing when nextUpdate is null or past. */
    public void put(String key, V value, Instant nextUpdate, Instant now) {
        if (nextUpdate == null || !now.isBefore(nextUpdate)) {
            return;
        }
        if (maxAge != null && now.plus(maxAge).isBefore(nextUpdate)) {
            // 90-100 % of maxAge, at random: answers fetched together (a burst of log-ins after a restart) are not
            // all fetched again in the same second every maxAge after.
            long ageNanos = maxAge.toNanos();
            nextUpdate = now.plusNanos(ageNanos - ThreadLocalRandom.current().nextLong(ageNanos / 10 + 1));
        }
        if (entries.size() >= maxEntries && !entries.containsKey(key)) {
            entries.values().removeIf(entry -> !now.isBefore(entry.nextUpdate()));
            if (entries.size() >= maxEntries) {
                // Rare (a flood of distinct URLs); starting over is simpler and safe, as the cache only saves fetches.
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, nextUpdate));
    }

    public int size() {
        return entries.size();
    }
}
