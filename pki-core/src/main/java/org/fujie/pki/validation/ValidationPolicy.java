package org.fujie.pki.validation;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How strictly to validate and how far to reach out. Immutable; {@link #defaults()} is what
 * trust-service starts from.
 *
 * @param expiredIsTotalFailure the issue asks TOTAL_FAILED/EXPIRED for a certificate expired at the
 *        validation time. EN 319 102-1 (5.2.6.4) says INDETERMINATE/OUT_OF_BOUNDS_NO_POE instead, since a
 *        proof of existence from before the expiry (a time-stamp) could still save a signature; false
 *        gives that answer, which signature validation will want.
 * @param maxPathLength most certificates in a path, anchor included
 * @param caIssuersHosts hosts (lower case) from which AIA caIssuers certificates may be fetched; empty
 *        means none. The URL comes from a certificate whose signature is not yet checked, so it is
 *        attacker's input until then: only listed hosts are ever asked.
 * @param clockSkew how far in the future a thisUpdate may lie before the information is rejected
 * @param maxAgeWithoutNextUpdate how long OCSP information without nextUpdate is taken as current
 */
public record ValidationPolicy(boolean expiredIsTotalFailure, int maxPathLength, Set<String> caIssuersHosts,
        Duration clockSkew, Duration maxAgeWithoutNextUpdate) {

    public ValidationPolicy {
        if (maxPathLength < 1 || maxPathLength > 20) {
            throw new IllegalArgumentException("maxPathLength must be 1 to 20");
        }
        caIssuersHosts = Set.copyOf(caIssuersHosts);
        Objects.requireNonNull(clockSkew, "clockSkew");
        Objects.requireNonNull(maxAgeWithoutNextUpdate, "maxAgeWithoutNextUpdate");
    }

    public static ValidationPolicy defaults() {
        return new ValidationPolicy(true, 8, Set.of(), Duration.ofMinutes(5), Duration.ofHours(1));
    }

    public ValidationPolicy withCaIssuersHosts(Set<String> hosts) {
        return new ValidationPolicy(expiredIsTotalFailure, maxPathLength, hosts, clockSkew, maxAgeWithoutNextUpdate);
    }

    public ValidationPolicy withExpiredIsTotalFailure(boolean totalFailure) {
        return new ValidationPolicy(totalFailure, maxPathLength, caIssuersHosts, clockSkew, maxAgeWithoutNextUpdate);
    }
}
