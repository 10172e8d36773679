package org.fujie.ca.security;

import static org.fujie.ca.support.matrix.Rule.open;
import static org.fujie.ca.support.matrix.Rule.rule;
import static org.fujie.service.security.Role.ADMIN;
import static org.fujie.service.security.Role.AUDITOR;
import static org.fujie.service.security.Role.RA_OFFICER;

import org.fujie.ca.support.matrix.RoleMatrix;
import org.fujie.ca.support.matrix.Sample;

/**
 * Who may call what in ca-service (SecurityConfig), one row per endpoint; CaRoleMatrixTests holds the running service
 * to it. Decisions (DESIGN.md roles, least privilege):
 * <ul>
 * <li>CAs and profiles are read by those who run (ADMIN), issue from (RA_OFFICER) or audit (AUDITOR) them. APP,
 * SEAL_ADMIN and SEAL_KEEPER do not: relying parties take CA certificates from the public {@code /pki/ca}, and seal-
 * and trust-service reach ca-service with the bootstrap ADMIN's certificate.</li>
 * <li>Issuing, revoking and releasing: RA_OFFICER, and ADMIN (the bootstrap administrator issues the first
 * certificates, and the other services' credential is ADMIN). Certificates are read by those and AUDITOR; APP does
 * not read ca-service's certificates (it validates through trust-service, or OCSP and CRLs).</li>
 * <li>Making a CA and publishing a CRL now: ADMIN only.</li>
 * <li>Principals: changed by ADMIN, read by ADMIN and AUDITOR (the auditor reviews who holds which role). The audit log
 * is read by ADMIN and AUDITOR; a checkpoint on demand is a write, so ADMIN only. AUDITOR changes nothing anywhere.</li>
 * <li>Public, no credential: health, the error page, CA certificates, CRLs and OCSP (RFC 5280, 6960: plain HTTP).
 * {@code GET /actuator} (the links page) is allowed to no one: nothing needs it. The public reads are called with the
 * issuing CA, so the plain-HTTP port is seen to serve them.</li>
 * </ul>
 */
final class CaMatrix {

    static final RoleMatrix TABLE = RoleMatrix.withCommonRows("CaMatrix",
            rule("GET", "/api/v1/cas", ADMIN, RA_OFFICER, AUDITOR),
            rule("GET", "/api/v1/cas/{id}", ADMIN, RA_OFFICER, AUDITOR),
            rule("POST", "/api/v1/cas", ADMIN),
            rule("POST", "/api/v1/cas/{id}/crl", ADMIN),
            rule("POST", "/api/v1/keys", ADMIN),
            rule("GET", "/api/v1/keys/{alias}", ADMIN, AUDITOR),
            rule("GET", "/api/v1/profiles", ADMIN, RA_OFFICER, AUDITOR),
            rule("GET", "/api/v1/profiles/{name}", ADMIN, RA_OFFICER, AUDITOR),

            rule("POST", "/api/v1/certificates", ADMIN, RA_OFFICER),
            rule("GET", "/api/v1/certificates", ADMIN, RA_OFFICER, AUDITOR),
            rule("GET", "/api/v1/certificates/{serial}", ADMIN, RA_OFFICER, AUDITOR),
            rule("POST", "/api/v1/certificates/{serial}/revoke", ADMIN, RA_OFFICER),
            rule("POST", "/api/v1/certificates/{serial}/release", ADMIN, RA_OFFICER),

            open("GET", "/pki/ca/{id}.crt").with(Sample.pathValue("GET", "issuing")),
            open("GET", "/pki/crl/{name}.crl").with(Sample.pathValue("GET", "issuing")),
            open("GET", "/pki/ocsp"),
            open("POST", "/pki/ocsp"),
            open("GET", "/pki/ocsp/*"),
            open("POST", "/pki/ocsp/*"));

    private CaMatrix() {
    }
}
