package org.fujie.ca.revocation;

import java.time.Instant;

/** A published CRL; baseNumber is set for a delta CRL. */
public record CrlRecord(String caId, long number, Long baseNumber, long changeMark, Instant thisUpdate,
        Instant nextUpdate, int entries, byte[] der) {

    public boolean isDelta() {
        return baseNumber != null;
    }
}
