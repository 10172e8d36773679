package org.fujie.ca.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.ca.authority.AuthorityRegistry;
import org.fujie.ca.store.CaRecord;
import org.fujie.ca.store.CertificateRecord;
import org.fujie.ca.store.CertificateStore;
import org.fujie.ca.store.ClusterLock;
import org.fujie.pki.operator.KeyBackend;
import org.fujie.pki.x509.Pem;
import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.security.PrincipalRecord;
import org.fujie.service.security.PrincipalStore;
import org.fujie.service.security.Role;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Tells the database about the bootstrap material once the schema exists and before requests are
 * served: the two CAs, the certificates issued during bootstrap, and the ADMIN grant for the bootstrap
 * administrator's certificate (seeded once, when that certificate is first recorded, so an ADMIN who
 * later withdraws it is not overruled by a restart). Instances sharing the database take turns under a
 * {@link ClusterLock}: the second waits, then finds what the first recorded; one whose data folder holds another
 * hierarchy than the database refuses to start rather than serve with CAs nobody else knows.
 */
public final class BootstrapRecorder implements SmartInitializingSingleton {

    private static final String ACTOR = "system:bootstrap";
    private static final String LOCK = "ca-bootstrap";

    private final Path dataDir;
    private final AuthorityRegistry authorities;
    private final CertificateStore certificates;
    private final AuditedTransactions audited;
    private final Clock clock;
    private final KeyBackend keys;
    private final ClusterLock lock;

    public BootstrapRecorder(Path dataDir, AuthorityRegistry authorities, CertificateStore certificates,
            AuditedTransactions audited, Clock clock, KeyBackend keys, ClusterLock lock) {
        this.dataDir = dataDir;
        this.authorities = authorities;
        this.certificates = certificates;
        this.audited = audited;
        this.clock = clock;
        this.keys = keys;
        this.lock = lock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!Files.exists(BootstrapMaterial.caFile(dataDir, BootstrapMaterial.ROOT))) {
            return;
        }
        lock.callLocked(LOCK, () -> {
            recordCa(BootstrapMaterial.ROOT, null);
            recordCa(BootstrapMaterial.ISSUING, BootstrapMaterial.ROOT);
            authorities.recordSubordinateCertificates(certificates, ACTOR);
            for (Path file : issuedFiles()) {
                recordIssued(file);
            }
            return null;
        });
    }

    /** Stores the bootstrap CA unless the database has it; a different CA under its id means two hierarchies. */
    private void recordCa(String id, String parentId) {
        CaRecord ours = BootstrapMaterial.caRecord(dataDir, id, parentId, keys);
        Optional<CaRecord> stored = authorities.record(id);
        if (stored.isEmpty()) {
            authorities.store(ours, ACTOR, "ca.bootstrap");
        } else if (!Arrays.equals(stored.get().certificateDer(), ours.certificateDer())) {
            throw new IllegalStateException("the database already holds another CA '" + id + "' (" + stored.get().subject()
                    + ") than this data folder's " + BootstrapMaterial.caFile(dataDir, id) + ": instances that share a database "
                    + "must share the data folder (its bootstrap/ and keys) too");
        }
    }

    private void recordIssued(Path file) {
        String name = file.getFileName().toString().replace(".pem", "");
        String profile = name.substring(0, name.indexOf("--"));
        X509CertificateHolder certificate;
        try {
            certificate = new X509CertificateHolder(Pem.decode(Files.readString(file), "CERTIFICATE"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        CertificateRecord record = CertificateRecord.of(certificate, BootstrapMaterial.ISSUING, profile, ACTOR, clock.instant());
        if (certificates.existsByFingerprint(record.fingerprint())) {
            return;
        }
        boolean admin = name.endsWith("--admin");
        audited.execute(AuditEvent.of(ACTOR, "certificate.issue", "certificate:" + record.serial(),
                        Map.of("profile", profile, "ca", record.caId(), "subject", record.subject(), "bootstrap", "true")),
                jdbc -> {
                    CertificateStore.insert(jdbc, record);
                    return null;
                });
        if (admin) {
            audited.execute(AuditEvent.of(ACTOR, "principal.put", "principal:" + record.fingerprint(),
                            Map.of("roles", "[ADMIN]")),
                    jdbc -> {
                        PrincipalStore.insert(jdbc, new PrincipalRecord(java.util.UUID.randomUUID().toString(), null,
                                record.fingerprint(), java.util.Set.of(Role.ADMIN), clock.instant()));
                        return null;
                    });
        }
    }

    private List<Path> issuedFiles() {
        Path directory = BootstrapMaterial.issuedDirectory(dataDir);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pem")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
