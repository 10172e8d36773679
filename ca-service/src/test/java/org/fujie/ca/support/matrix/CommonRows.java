package org.fujie.ca.support.matrix;

import static org.fujie.ca.support.matrix.Rule.open;
import static org.fujie.ca.support.matrix.Rule.rule;
import static org.fujie.service.security.Role.ADMIN;
import static org.fujie.service.security.Role.AUDITOR;

import java.util.List;

/**
 * The rows every service's table starts with, as service-support's {@code ServiceSecurity.commonRules} sets them:
 * health and the error page public, the actuator's links page for no one, principals changed by ADMIN and read by
 * ADMIN and AUDITOR, the audit log read by both, a checkpoint on demand ADMIN only.
 */
public final class CommonRows {

    private CommonRows() {
    }

    /**
     * The console rows every service shares, as {@code ConsoleSecurity.commonRules} sets them: the log-in page and the
     * bare {@code /console} open, the refusal page refusing everyone, the audit log for ADMIN and AUDITOR.
     */
    public static List<Rule> everyConsole() {
        return List.of(
                open("GET", "/console/login"),
                open("GET", "/console"),
                rule("*", "/console/denied"),
                rule("GET", "/console/audit", ADMIN, AUDITOR));
    }

    public static List<Rule> everyService() {
        return List.of(
                open("GET", "/actuator/health"),
                open("GET", "/actuator/health/**"),
                rule("GET", "/actuator"),
                open("*", "/error"),
                rule("GET", "/api/v1/principals", ADMIN, AUDITOR),
                rule("PUT", "/api/v1/principals", ADMIN),
                rule("DELETE", "/api/v1/principals/{id}", ADMIN),
                rule("GET", "/api/v1/audit", ADMIN, AUDITOR),
                rule("GET", "/api/v1/audit/verify", ADMIN, AUDITOR),
                rule("GET", "/api/v1/audit/export", ADMIN, AUDITOR),
                rule("GET", "/api/v1/audit/checkpoints", ADMIN, AUDITOR),
                rule("POST", "/api/v1/audit/checkpoints", ADMIN),
                rule("GET", "/api/v1/key-backends", ADMIN, AUDITOR));
    }
}
