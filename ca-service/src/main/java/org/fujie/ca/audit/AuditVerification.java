package org.fujie.ca.audit;

/** The result of walking the audit chain: intact, or the first entry where it breaks and why. */
public record AuditVerification(boolean valid, long entriesChecked, Long firstBrokenSeq, String reason, String headHash) {

    static AuditVerification intact(long checked, String headHash) {
        return new AuditVerification(true, checked, null, null, headHash);
    }

    static AuditVerification broken(long checked, long seq, String reason) {
        return new AuditVerification(false, checked, seq, reason, null);
    }
}
