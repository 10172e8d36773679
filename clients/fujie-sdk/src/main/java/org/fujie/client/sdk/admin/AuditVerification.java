package org.fujie.client.sdk.admin;

/** A service's audit chain as it verified it: intact, or where it breaks ({@code problem} a stable code) and why. */
public record AuditVerification(boolean valid, long entriesChecked, int checkpointsVerified, Long firstBrokenSeq,
        String problem, String reason, String headHash) {
}
