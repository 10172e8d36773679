package org.fujie.service.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.fujie.pki.x509.Fingerprints;
import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.security.PrincipalRecord;
import org.fujie.service.security.PrincipalStore;
import org.fujie.service.security.Role;

/**
 * The installation's ADMIN certificate (made by ca-service's bootstrap under {@code bootstrap/admin.p12}) seeded
 * as ADMIN in a service that has no principal yet (CONTRACT.md: every service is its own policy enforcement
 * point). Once only: an administrator may change the grants later.
 */
public final class BootstrapAdmin {

    public static final String ACTOR = "system:bootstrap";

    private BootstrapAdmin() {
    }

    /** @return whether the ADMIN was seeded now */
    public static boolean seed(Path dataDir, PrincipalStore principals, AuditedTransactions audited, Clock clock) {
        Path bootstrap = dataDir.resolve("bootstrap");
        if (!Files.exists(bootstrap.resolve("admin.p12")) || !principals.all().isEmpty()) {
            return false;
        }
        X509Certificate admin = BootstrapCredentials.certificate(
                BootstrapCredentials.pkcs12(bootstrap.resolve("admin.p12"), bootstrap.resolve("admin.pass")));
        String fingerprint;
        try {
            fingerprint = Fingerprints.sha256(admin.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        audited.execute(AuditEvent.of(ACTOR, "principal.put", "principal:" + fingerprint, Map.of("roles", "[ADMIN]")),
                jdbc -> {
                    PrincipalStore.insert(jdbc, new PrincipalRecord(UUID.randomUUID().toString(), null, fingerprint,
                            Set.of(Role.ADMIN), clock.instant()));
                    return null;
                });
        return true;
    }
}
