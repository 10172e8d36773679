package org.fujie.client.sdk.ca;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Filters of {@code GET /api/v1/certificates}; null means no filter. Pages count from 0; size 1 to 500 (default 50). */
public record CertificateQuery(String subject, String profile, String status, String caId, Instant expiresBefore,
        Integer page, Integer size) {

    public static CertificateQuery all() {
        return new CertificateQuery(null, null, null, null, null, null, null);
    }

    public CertificateQuery withSubject(String value) {
        return new CertificateQuery(value, profile, status, caId, expiresBefore, page, size);
    }

    public CertificateQuery withProfile(String value) {
        return new CertificateQuery(subject, value, status, caId, expiresBefore, page, size);
    }

    public CertificateQuery withStatus(String value) {
        return new CertificateQuery(subject, profile, value, caId, expiresBefore, page, size);
    }

    public CertificateQuery withCaId(String value) {
        return new CertificateQuery(subject, profile, status, value, expiresBefore, page, size);
    }

    public CertificateQuery expiringBefore(Instant value) {
        return new CertificateQuery(subject, profile, status, caId, value, page, size);
    }

    public CertificateQuery page(int number, int pageSize) {
        return new CertificateQuery(subject, profile, status, caId, expiresBefore, number, pageSize);
    }

    Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("subject", subject);
        p.put("profile", profile);
        p.put("status", status);
        p.put("caId", caId);
        p.put("expiresBefore", expiresBefore);
        p.put("page", page);
        p.put("size", size);
        return p;
    }
}
