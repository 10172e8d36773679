package org.fujie.service.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    /** It was done. */
    SUCCESS,
    /** It was attempted and failed (bad input, a refused operation, an error). */
    FAILURE,
    /** The caller was authenticated but not allowed to do it. */
    DENIED
}
