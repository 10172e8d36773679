package org.fujie.service.audit;

/**
 * The result of walking the audit chain: intact, or the first entry where it breaks, a stable code for
 * what broke and a human reason; and how many signed checkpoints were verified against it.
 */
public record AuditVerification(boolean valid, long entriesChecked, int checkpointsVerified, Long firstBrokenSeq,
        AuditProblem problem, String reason, String headHash) {

    static AuditVerification intact(long checked, String headHash, int checkpoints) {
        return new AuditVerification(true, checked, checkpoints, null, null, null, headHash);
    }

    static AuditVerification broken(long checked, int checkpoints, long seq, AuditProblem problem, String reason) {
        return new AuditVerification(false, checked, checkpoints, seq, problem, reason, null);
    }
}
