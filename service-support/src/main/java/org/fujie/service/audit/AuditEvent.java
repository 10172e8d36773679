package org.fujie.service.audit;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Something security-relevant that happened: who did what to which object, how it ended, with details.
 * Details must never hold secrets (passwords, private keys, PKCS#12 files, tokens): the log is read by
 * auditors and exported.
 *
 * @param context the caller's roles and address; null: taken from the request of the thread that
 *        submits the event to {@link AuditedTransactions}
 */
public record AuditEvent(String actor, String action, String target, Map<String, String> details, AuditOutcome outcome,
        AuditContext context) {

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
        details = new TreeMap<>(details);
    }

    /** A successful action; roles and client address come from the submitting thread's request. */
    public static AuditEvent of(String actor, String action, String target, Map<String, String> details) {
        return new AuditEvent(actor, action, target, details, AuditOutcome.SUCCESS, null);
    }

    /** The same event, ended as {@code outcome}. */
    public AuditEvent withOutcome(AuditOutcome outcome) {
        return new AuditEvent(actor, action, target, details, outcome, context);
    }

    public AuditEvent denied() {
        return withOutcome(AuditOutcome.DENIED);
    }

    public AuditEvent failed() {
        return withOutcome(AuditOutcome.FAILURE);
    }

    /** The same event with the caller's circumstances given, instead of taken from the submitting thread. */
    public AuditEvent withContext(AuditContext context) {
        return new AuditEvent(actor, action, target, details, outcome, context);
    }
}
