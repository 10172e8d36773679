package org.fujie.client.sdk.seal;

import java.time.Instant;
import java.util.List;

/**
 * A seal: status PENDING until another SEAL_ADMIN approves it, then ACTIVE, SUSPENDED or REVOKED. notAfter is when its
 * current certificate expires.
 */
public record Seal(String id, String name, String organization, String type, String algorithm, String status, String madeBy,
        String approvedBy, String serialNumber, Instant notAfter, boolean expiringSoon, List<String> keepers,
        String certificatePem, String chainPem, Instant createdAt, Instant updatedAt) {
}
