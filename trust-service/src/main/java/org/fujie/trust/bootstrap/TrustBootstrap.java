package org.fujie.trust.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Set;

import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.bootstrap.BootstrapAdmin;
import org.fujie.service.bootstrap.BootstrapCredentials;
import org.fujie.service.security.PrincipalStore;
import org.fujie.trust.anchor.AnchorService;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * What trust-service takes from the installation's bootstrap (made by ca-service under
 * {@code bootstrap/}): the ADMIN certificate, seeded as ADMIN here too (CONTRACT.md), and Fujie's root
 * CA as the first trust anchor. Each only once: an administrator may change both later.
 */
public final class TrustBootstrap implements SmartInitializingSingleton {

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
        BootstrapAdmin.seed(dataDir, principals, audited, clock);
        Path bootstrap = dataDir.resolve("bootstrap");
        if (Files.exists(bootstrap.resolve("trust-chain.pem")) && anchors.list().isEmpty()) {
            for (X509Certificate certificate : BootstrapCredentials.certificates(bootstrap.resolve("trust-chain.pem"))) {
                if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                    anchors.add(org.fujie.pki.x509.Pem.certificate(encoded(certificate)), Set.of(), BootstrapAdmin.ACTOR);
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
