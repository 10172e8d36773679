package org.fujie.seal;

import static org.fujie.ca.support.matrix.Rule.open;
import static org.fujie.ca.support.matrix.Rule.rule;
import static org.fujie.service.security.Role.ADMIN;
import static org.fujie.service.security.Role.AUDITOR;
import static org.fujie.service.security.Role.SEAL_ADMIN;
import static org.fujie.service.security.Role.SEAL_KEEPER;

import org.fujie.ca.support.matrix.RoleMatrix;

/**
 * Who may call what in seal-service (SealSecurityConfig), one row per endpoint; SealRoleMatrixTests holds the running
 * service to it. Decisions (DESIGN.md roles, least privilege):
 * <ul>
 * <li>Making a seal, every step of its lifecycle (approve, suspend, resume, renew, revoke) and its keepers: SEAL_ADMIN only; the
 * four-eyes rule (another SEAL_ADMIN approves) is the service's. Not ADMIN: running the CAs is not making seals.</li>
 * <li>Stamping: SEAL_KEEPER only, and only with the seals that name the keeper (403 seal-not-granted otherwise).</li>
 * <li>Reading seals, their images, certificates, SESeal and usage: SEAL_ADMIN, AUDITOR and ADMIN every seal; a
 * SEAL_KEEPER its own seals only (KeeperScope: the list shows only them, another seal is 403 seal-not-granted).
 * The table's rows name the roles the URL rules let in; the keeper's narrowing is tested beside the walk.</li>
 * <li>Principals and the audit log as in every service: changed by ADMIN, read by ADMIN and AUDITOR; a checkpoint on
 * demand ADMIN only. Public: health and the error page only (seal-service has no plain-HTTP port).</li>
 * </ul>
 */
final class SealMatrix {

    static final RoleMatrix TABLE = RoleMatrix.withCommonRows("SealMatrix",
            rule("GET", "/api/v1/seals", SEAL_ADMIN, SEAL_KEEPER, AUDITOR, ADMIN),
            rule("GET", "/api/v1/seals/{id}", SEAL_ADMIN, SEAL_KEEPER, AUDITOR, ADMIN),
            rule("GET", "/api/v1/seals/{id}/image.png", SEAL_ADMIN, SEAL_KEEPER, AUDITOR, ADMIN),
            rule("GET", "/api/v1/seals/{id}/certificates", SEAL_ADMIN, SEAL_KEEPER, AUDITOR, ADMIN),
            rule("GET", "/api/v1/seals/{id}/eseal", SEAL_ADMIN, SEAL_KEEPER, AUDITOR, ADMIN),
            rule("GET", "/api/v1/seals/{id}/usage", SEAL_ADMIN, SEAL_KEEPER, AUDITOR, ADMIN),

            rule("POST", "/api/v1/seals", SEAL_ADMIN),
            rule("POST", "/api/v1/seals/{id}/approve", SEAL_ADMIN),
            rule("POST", "/api/v1/seals/{id}/suspend", SEAL_ADMIN),
            rule("POST", "/api/v1/seals/{id}/resume", SEAL_ADMIN),
            rule("POST", "/api/v1/seals/{id}/renew", SEAL_ADMIN),
            rule("POST", "/api/v1/seals/{id}/revoke", SEAL_ADMIN),
            rule("PUT", "/api/v1/seals/{id}/keepers", SEAL_ADMIN),
            rule("POST", "/api/v1/seals/{id}/stamp", SEAL_KEEPER));

    private SealMatrix() {
    }
}
