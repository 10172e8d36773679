package org.fujie.pki.validation;

import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A certificate the caller trusts, for some purposes or for all. The anchor is trusted by
 * configuration, not by its signature, and is never revocation-checked (RFC 5280 6.1.1 d).
 *
 * @param purposes what the anchor may vouch for; empty means every purpose
 */
public record TrustAnchor(X509Certificate certificate, Set<Purpose> purposes) {

    public TrustAnchor {
        Objects.requireNonNull(certificate, "certificate");
        purposes = purposes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(purposes));
    }

    public static TrustAnchor forAllPurposes(X509Certificate certificate) {
        return new TrustAnchor(certificate, Set.of());
    }

    public static TrustAnchor limitedTo(X509Certificate certificate, Set<Purpose> purposes) {
        if (purposes.isEmpty()) {
            throw new IllegalArgumentException("a limited anchor needs at least one purpose");
        }
        return new TrustAnchor(certificate, purposes);
    }

    /** Whether the anchor vouches for the purpose; a request without a purpose accepts every anchor. */
    public boolean trustedFor(Purpose purpose) {
        return purpose == null || purposes.isEmpty() || purposes.contains(purpose);
    }
}
