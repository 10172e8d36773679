package org.fujie.ca.console;

import static org.fujie.ca.support.matrix.Rule.rule;
import static org.fujie.service.security.Role.ADMIN;
import static org.fujie.service.security.Role.AUDITOR;
import static org.fujie.service.security.Role.RA_OFFICER;

import org.fujie.ca.support.matrix.RoleMatrix;

/**
 * Who may open or post what in ca-service's console (CaConsoleConfiguration), one row per page: the API's rules
 * (CaMatrix) for the same actions. Reads for ADMIN, RA_OFFICER and AUDITOR; issue, revoke, hold and release for ADMIN
 * and RA_OFFICER; the common rows (CommonRows.everyConsole) first.
 */
final class ConsoleMatrix {

    static final RoleMatrix TABLE = RoleMatrix.consoleWithCommonRows("ConsoleMatrix",
            rule("GET", "/console/", ADMIN, RA_OFFICER, AUDITOR),
            rule("GET", "/console/certificates", ADMIN, RA_OFFICER, AUDITOR),
            rule("GET", "/console/certificates/{serial}", ADMIN, RA_OFFICER, AUDITOR),
            rule("GET", "/console/certificates/{serial}/pem", ADMIN, RA_OFFICER, AUDITOR),
            rule("GET", "/console/certificates/{serial}/der", ADMIN, RA_OFFICER, AUDITOR),
            rule("GET", "/console/cas", ADMIN, RA_OFFICER, AUDITOR),
            rule("GET", "/console/cas/{id}", ADMIN, RA_OFFICER, AUDITOR),
            rule("GET", "/console/profiles", ADMIN, RA_OFFICER, AUDITOR),
            rule("GET", "/console/certificates/new", ADMIN, RA_OFFICER),
            rule("POST", "/console/certificates/new", ADMIN, RA_OFFICER),
            rule("POST", "/console/certificates/keygen", ADMIN, RA_OFFICER),
            rule("POST", "/console/certificates/{serial}/revoke", ADMIN, RA_OFFICER),
            rule("POST", "/console/certificates/{serial}/hold", ADMIN, RA_OFFICER),
            rule("POST", "/console/certificates/{serial}/release", ADMIN, RA_OFFICER));

    private ConsoleMatrix() {
    }
}
