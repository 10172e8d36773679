package org.fujie.ca.store;

import java.time.Instant;

/** Search criteria for certificates; null fields do not filter. */
public record CertificateQuery(String subject, String profile, String status, Instant expiresBefore, String caId,
        int page, int size) {
}
