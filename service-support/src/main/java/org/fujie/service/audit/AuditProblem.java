package org.fujie.service.audit;

/** What broke in the audit log, as a stable code beside the human reason of an {@link AuditVerification}. */
public enum AuditProblem {
    /** An entry's fields no longer match its hash, or an entry was rewritten with a recomputed hash. */
    ENTRY_ALTERED,
    /** An entry is gone: the seqs have a gap. */
    ENTRY_MISSING,
    /** An entry sits at another place in the chain than the one it was written at. */
    ENTRIES_REORDERED,
    /** The chain head does not name the last entry: entries were removed (or added) at the end. */
    HEAD_MISMATCH,
    /** A checkpoint's signature does not verify under the audit key. */
    CHECKPOINT_SIGNATURE_INVALID,
    /** A checkpoint names a hash (or a predecessor) that the log does not have: the chain was rewritten. */
    CHECKPOINT_MISMATCH,
    /** A checkpoint was deleted, or entries stayed unsigned longer than checkpointing allows. */
    CHECKPOINT_MISSING
}
