package org.fujie.service.audit;

/**
 * The result of walking the audit chain: intact, or the first entry where it breaks and why; and how
 * many signed checkpoints were verified against it.
 */
public record AuditVerification(boolean valid, long entriesChecked, int checkpointsVerified, Long firstBrokenSeq,
        String reason, String headHash) {

    static AuditVerification intact(long checked, String headHash, int checkpoints) {
        return new AuditVerification(true, checked, checkpoints, null, null, headHash);
    }

    static AuditVerification broken(long checked, long seq, String reason) {
        return new AuditVerification(false, checked, 0, seq, reason, null);
    }
}
