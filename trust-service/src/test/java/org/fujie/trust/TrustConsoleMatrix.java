package org.fujie.trust;

import static org.fujie.ca.support.matrix.Rule.rule;
import static org.fujie.service.security.Role.ADMIN;
import static org.fujie.service.security.Role.APP;
import static org.fujie.service.security.Role.AUDITOR;

import org.fujie.ca.support.matrix.RoleMatrix;

/**
 * Who may open or post what in trust-service's console (TrustConsoleConfiguration), one row per page: the API's rules
 * (TrustMatrix) for the same actions. Verifying (its form too) ADMIN and APP, as POST /api/v1/verify; the trust
 * anchors read by ADMIN, APP and AUDITOR. The common rows (CommonRows.everyConsole) first.
 */
final class TrustConsoleMatrix {

    static final RoleMatrix TABLE = RoleMatrix.consoleWithCommonRows("TrustConsoleMatrix",
            rule("GET", "/console/", ADMIN, APP, AUDITOR),
            rule("GET", "/console/anchors", ADMIN, APP, AUDITOR),
            rule("GET", "/console/verify", ADMIN, APP),
            rule("POST", "/console/verify", ADMIN, APP));

    private TrustConsoleMatrix() {
    }
}
