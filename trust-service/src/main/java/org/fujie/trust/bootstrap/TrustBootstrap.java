package org.fujie.trust.bootstrap;

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
import org.fujie.trust.anchor.AnchorService;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * What trust-service takes from the installation's bootstrap (made by ca-service under
 * {@code bootstrap/}): the ADMIN certificate, seeded as ADMIN here too (CONTRACT.md), and Fujie's root
 * CA as the first trust anchor. Each only once: an administrator may change both later.
 */
public final class TrustBootstrap implements SmartInitializingSingleton {

    private static final String ACTOR = "system:bootstrap";

    private final Path dataDir;
    private final AnchorService anchors;
    private final PrincipalStore principals;
    private final AuditedTransactions audited;
    private final Clock clock;

    public TrustBootstrap(Path dataDir, AnchorService anchors, PrincipalStore principals, AuditedTransactions audited, Clock clock) {
        this.dataDir = dataDir;
        this.anchors = anchors;
        this.principals = principals;
        this.audited = audited;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Path bootstrap = dataDir.resolve("bootstrap");
        if (Files.exists(bootstrap.resolve("admin.p12")) && principals.all().isEmpty()) {
            X509Certificate admin = BootstrapCredentials.certificate(
                    BootstrapCredentials.pkcs12(bootstrap.resolve("admin.p12"), bootstrap.resolve("admin.pass")));
            String fingerprint = Fingerprints.sha256(encoded(admin));
            audited.execute(AuditEvent.of(ACTOR, "principal.put", "principal:" + fingerprint, Map.of("roles", "[ADMIN]")),
                    jdbc -> {
                        PrincipalStore.insert(jdbc, new PrincipalRecord(UUID.randomUUID().toString(), null, fingerprint,
                                Set.of(Role.ADMIN), clock.instant()));
                        return null;
                    });
        }
        if (Files.exists(bootstrap.resolve("trust-chain.pem")) && anchors.list().isEmpty()) {
            for (X509Certificate certificate : BootstrapCredentials.certificates(bootstrap.resolve("trust-chain.pem"))) {
                if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                    anchors.add(org.fujie.pki.x509.Pem.certificate(encoded(certificate)), Set.of(), ACTOR);
                }
            }
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
