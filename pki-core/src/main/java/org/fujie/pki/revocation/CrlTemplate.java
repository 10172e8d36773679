package org.fujie.pki.revocation;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a CRL says (RFC 5280 5): its number, times, whether it is a delta and against which base, and
 * its entries. Signing adds the issuer and its key identifier (see CrlSigner); nothing here judges.
 *
 * @param deltaBase the base CRL number for a delta CRL (5.2.4), null for a complete CRL
 * @param freshestCrlUrl where the delta CRLs are (5.2.6), null for none; only on complete CRLs
 * @param expiredCertsOnCrl entries of certificates that expired after this time are kept (X.509
 *        expiredCertsOnCRL), null when expired entries are not kept
 */
public record CrlTemplate(BigInteger number, Instant thisUpdate, Instant nextUpdate, BigInteger deltaBase,
        String freshestCrlUrl, Instant expiredCertsOnCrl, List<Entry> entries) {

    /** One revoked certificate; reason null means no reasonCode extension (RFC 5280 5.3.1). */
    public record Entry(BigInteger serial, Instant revocationDate, RevocationReason reason, Instant invalidityDate) {
    }

    public CrlTemplate {
        if (!nextUpdate.isAfter(thisUpdate)) {
            throw new IllegalArgumentException("nextUpdate must be after thisUpdate");
        }
        if (deltaBase != null && freshestCrlUrl != null) {
            throw new IllegalArgumentException("a delta CRL carries no freshestCRL pointer");
        }
        entries = Collections.unmodifiableList(new ArrayList<>(entries));
    }

    public boolean isDelta() {
        return deltaBase != null;
    }
}
