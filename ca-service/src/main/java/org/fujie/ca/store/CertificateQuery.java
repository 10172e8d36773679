package org.fujie.ca.store;

import java.time.Instant;

/**
 * Search criteria for certificates; null fields do not filter. expiresAfter and expiresBefore bound notAfter
 * (inclusive, exclusive): "expiring within N days" is both.
 */
public record CertificateQuery(String subject, String profile, String status, Instant expiresAfter, Instant expiresBefore,
        String caId, int page, int size) {

    /** Without a lower bound on notAfter, as the API searches. */
    public CertificateQuery(String subject, String profile, String status, Instant expiresBefore, String caId, int page, int size) {
        this(subject, profile, status, null, expiresBefore, caId, page, size);
    }
}
