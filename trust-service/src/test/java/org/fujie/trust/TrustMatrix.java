package org.fujie.trust;

import static org.fujie.ca.support.matrix.Rule.open;
import static org.fujie.ca.support.matrix.Rule.ownCredential;
import static org.fujie.ca.support.matrix.Rule.rule;
import static org.fujie.service.security.Role.ADMIN;
import static org.fujie.service.security.Role.APP;
import static org.fujie.service.security.Role.AUDITOR;

import org.fujie.ca.support.matrix.RoleMatrix;
import org.fujie.ca.support.matrix.Sample;

/**
 * Who may call what in trust-service (TrustSecurityConfig), one row per endpoint; TrustRoleMatrixTests holds the
 * running service to it. Decisions (DESIGN.md roles, least privilege):
 * <ul>
 * <li>Verifying documents and validating certificates: APP (relying applications) and ADMIN (the operator; the
 * {@code ./fujie verify} default credential). Not AUDITOR: it sends no POST anywhere, even one that changes nothing.
 * Not RA_OFFICER, SEAL_ADMIN or SEAL_KEEPER: people verify through their applications.</li>
 * <li>Trust anchors: read by ADMIN, AUDITOR and APP (an application may learn which roots it relies on), added and
 * removed by ADMIN only.</li>
 * <li>Principals and the audit log as in every service: changed by ADMIN, read by ADMIN and AUDITOR; a checkpoint on
 * demand ADMIN only.</li>
 * <li>Log-in: challenge, token and the published keys public; introspection APP and ADMIN; log-out any caller.</li>
 * <li>Public: health, the error page, and the RFC 3161 TSA at {@code /tsa} (on the plain-HTTP port as well).</li>
 * </ul>
 */
final class TrustMatrix {

    static final RoleMatrix TABLE = RoleMatrix.withCommonRows("TrustMatrix",
            rule("GET", "/api/v1/trust-anchors", ADMIN, AUDITOR, APP),
            rule("GET", "/api/v1/trust-anchors/{id}", ADMIN, AUDITOR, APP),
            rule("POST", "/api/v1/trust-anchors", ADMIN),
            rule("DELETE", "/api/v1/trust-anchors/{id}", ADMIN),
            rule("POST", "/api/v1/certificates/validate", ADMIN, APP),
            rule("POST", "/api/v1/verify", ADMIN, APP),

            // Certificate log-in: the signed nonce is the authentication, the token keys are public; introspection for
            // relying applications (and ADMIN); log-out for any caller, about the token it presents.
            open("POST", "/api/v1/auth/challenge"),
            open("POST", "/api/v1/auth/token"),
            open("GET", "/.well-known/jwks.json"),
            rule("POST", "/api/v1/auth/introspect", ADMIN, APP),
            ownCredential("POST", "/api/v1/auth/logout"),

            open("POST", "/tsa").with(Sample.body("application/timestamp-query", new byte[0])));

    private TrustMatrix() {
    }
}
