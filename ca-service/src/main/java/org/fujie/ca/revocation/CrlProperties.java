package org.fujie.ca.revocation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Binding of {@code fujie.crl.*}: when CRLs are made and how long they are good for.
 *
 * @param fullInterval a new complete CRL after this long
 * @param fullValidity nextUpdate of a complete CRL, after its thisUpdate; longer than fullInterval, so
 *        a late run never leaves relying parties with an expired CRL
 * @param deltaInterval a new delta CRL after this long
 * @param deltaValidity nextUpdate of a delta CRL, after its thisUpdate
 * @param keepExpired entries of expired certificates stay this long after expiry (0: dropped at expiry)
 * @param onRevocation what is published right after a revocation, a hold or a release
 * @param minFullInterval with onRevocation FULL, a complete CRL younger than this is followed by a delta
 *        instead: a burst of revocations on a large CA must not rebuild the complete CRL for each
 * @param checkInterval how often the schedule is checked
 * @param maxAge the longest HTTP max-age of a served CRL
 */
@ConfigurationProperties("fujie.crl")
public record CrlProperties(
        @DefaultValue("6h") Duration fullInterval,
        @DefaultValue("24h") Duration fullValidity,
        @DefaultValue("15m") Duration deltaInterval,
        @DefaultValue("1h") Duration deltaValidity,
        @DefaultValue("30d") Duration keepExpired,
        @DefaultValue("full") OnRevocation onRevocation,
        @DefaultValue("1m") Duration minFullInterval,
        @DefaultValue("1m") Duration checkInterval,
        @DefaultValue("5m") Duration maxAge) {

    public enum OnRevocation {
        /** A new complete CRL and a delta against it. */
        FULL,
        /** Only a new delta CRL: for CAs whose complete CRL is large; the complete one follows the schedule. */
        DELTA,
        /** Nothing: the schedule alone. */
        NONE
    }

    public CrlProperties {
        if (fullValidity.compareTo(fullInterval) <= 0 || deltaValidity.compareTo(deltaInterval) <= 0) {
            throw new IllegalArgumentException("fujie.crl: a CRL's validity must be longer than the interval at which it is replaced");
        }
    }
}
