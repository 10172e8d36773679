package org.fujie.seal;

import static org.fujie.ca.support.matrix.Rule.rule;
import static org.fujie.service.security.Role.ADMIN;
import static org.fujie.service.security.Role.AUDITOR;
import static org.fujie.service.security.Role.SEAL_ADMIN;
import static org.fujie.service.security.Role.SEAL_KEEPER;

import org.fujie.ca.support.matrix.RoleMatrix;

/**
 * Who may open or post what in seal-service's console (SealConsoleConfiguration), one row per page: the API's rules
 * (SealMatrix) for the same actions. Seals read by SEAL_ADMIN, SEAL_KEEPER, AUDITOR and ADMIN; making (its form and
 * preview too), approving, the lifecycle and keepers SEAL_ADMIN only; stamping (its form too) SEAL_KEEPER only. The
 * common rows (CommonRows.everyConsole) first.
 */
final class SealConsoleMatrix {

    static final RoleMatrix TABLE = RoleMatrix.consoleWithCommonRows("SealConsoleMatrix",
            rule("GET", "/console/", SEAL_ADMIN, SEAL_KEEPER, AUDITOR, ADMIN),
            rule("GET", "/console/seals", SEAL_ADMIN, SEAL_KEEPER, AUDITOR, ADMIN),
            rule("GET", "/console/seals/{id}", SEAL_ADMIN, SEAL_KEEPER, AUDITOR, ADMIN),
            rule("GET", "/console/seals/{id}/image.png", SEAL_ADMIN, SEAL_KEEPER, AUDITOR, ADMIN),
            rule("GET", "/console/seals/new", SEAL_ADMIN),
            rule("GET", "/console/seals/preview.png", SEAL_ADMIN),
            rule("POST", "/console/seals/new", SEAL_ADMIN),
            rule("POST", "/console/seals/{id}/approve", SEAL_ADMIN),
            rule("POST", "/console/seals/{id}/suspend", SEAL_ADMIN),
            rule("POST", "/console/seals/{id}/resume", SEAL_ADMIN),
            rule("POST", "/console/seals/{id}/revoke", SEAL_ADMIN),
            rule("POST", "/console/seals/{id}/keepers", SEAL_ADMIN),
            rule("GET", "/console/stamp", SEAL_KEEPER),
            rule("POST", "/console/stamp", SEAL_KEEPER));

    private SealConsoleMatrix() {
    }
}
