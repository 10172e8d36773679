package org.fujie.client.boot.trust;

/**
 * trust-service's answer about one certificate, in ETSI EN 319 102-1 terms.
 *
 * @param indication TOTAL_PASSED, TOTAL_FAILED or INDETERMINATE
 * @param subIndication why it did not pass (REVOKED, NO_CERTIFICATE_CHAIN_FOUND, ...), or null
 * @param revoked whether a revocation finding says REVOKED
 * @param detail trust-service's human explanation, or null
 */
public record CertificateVerdict(boolean valid, String indication, String subIndication, boolean revoked, String detail) {

    /** One line for a 401 answer and the log: the indication, sub-indication and detail. */
    public String describe() {
        StringBuilder text = new StringBuilder(indication == null ? "UNKNOWN" : indication);
        if (subIndication != null) {
            text.append('/').append(subIndication);
        }
        if (revoked && (subIndication == null || !subIndication.contains("REVOKED"))) {
            text.append(" (revoked)");
        }
        if (detail != null && !detail.isBlank()) {
            text.append(": ").append(detail);
        }
        return text.toString();
    }
}
