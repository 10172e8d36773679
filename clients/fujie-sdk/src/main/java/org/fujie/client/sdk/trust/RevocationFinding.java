package org.fujie.client.sdk.trust;

/** What a revocation check of one certificate of the path found (source: OCSP or CRL), and where. */
public record RevocationFinding(String subject, String serialNumber, String source, String status, String revokedAt,
        String reason, String thisUpdate, String nextUpdate, String url, String detail) {
}
