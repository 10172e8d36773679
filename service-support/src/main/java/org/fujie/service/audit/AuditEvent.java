package org.fujie.service.audit;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Something security-relevant that happened: who did what to which object, with details. */
public record AuditEvent(String actor, String action, String target, Map<String, String> details) {

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        details = new TreeMap<>(details);
    }

    public static AuditEvent of(String actor, String action, String target, Map<String, String> details) {
        return new AuditEvent(actor, action, target, details);
    }
}
