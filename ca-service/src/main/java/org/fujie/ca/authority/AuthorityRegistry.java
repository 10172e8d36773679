package org.fujie.ca.authority;

import org.fujie.ca.problem.CaProblem;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.problem.FujieException;
import org.fujie.ca.store.CaRecord;
import org.fujie.ca.store.CaStore;
import org.fujie.ca.store.CertificateRecord;
import org.fujie.ca.store.CertificateStore;
import org.fujie.pki.x509.Fingerprints;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * The CAs of this service: loaded from the database on first use (so CAs made on another instance
 * appear here too) and made on request.
 */
public final class AuthorityRegistry {

    /** The profile name under which subordinate CA certificates are kept among issued certificates. */
    public static final String SUBORDINATE_CA_PROFILE = "sub-ca";

    private final CaStore store;
    private final AuthorityFactory factory;
    private final AuditedTransactions audited;
    private final Map<String, CertificateAuthority> loaded = new ConcurrentHashMap<>();

    public AuthorityRegistry(CaStore store, AuthorityFactory factory, AuditedTransactions audited) {
        this.store = store;
        this.factory = factory;
        this.audited = audited;
    }

    public List<CaRecord> records() {
        return store.all();
    }

    public Optional<CaRecord> record(String id) {
        return store.find(id);
    }

    public Optional<CertificateAuthority> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        CertificateAuthority cached = loaded.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<CaRecord> record = store.find(id);
        if (record.isEmpty()) {
            return Optional.empty();
        }
        CertificateAuthority parent = parentOf(record.get());
        return Optional.of(loaded.computeIfAbsent(id, key -> factory.load(record.get(), parent)));
    }

    public synchronized CertificateAuthority create(NewCa request, String actor) {
        if (request.id() != null && store.find(request.id()).isPresent()) {
            throw new FujieException(CaProblem.CA_EXISTS, "a CA with id " + request.id() + " exists");
        }
        if (request.keyAlias() != null && store.all().stream().anyMatch(ca -> ca.keyAlias().equals(request.keyAlias()))) {
            throw new FujieException(CaProblem.CA_INVALID, "key " + request.keyAlias() + " is another CA's key");
        }
        CertificateAuthority parent = null;
        if (request.parentId() != null) {
            parent = find(request.parentId()).orElseThrow(
                    () -> new FujieException(CaProblem.CA_UNKNOWN, "no CA with id " + request.parentId()));
        }
        AuthorityFactory.Made made = factory.make(request, parent);
        store(made.record(), actor, "ca.create");
        loaded.put(made.record().id(), made.authority());
        return made.authority();
    }

    /** Stores a CA made outside a request (the bootstrap). */
    public void store(CaRecord record, String actor, String action) {
        audited.execute(AuditEvent.of(actor, action, "ca:" + record.id(), Map.of(
                        "subject", record.subject(),
                        "algorithm", record.algorithm(),
                        "parent", String.valueOf(record.parentId()),
                        "keyBackend", record.keyBackend())),
                jdbc -> {
                    CaStore.insert(jdbc, record);
                    if (record.parentId() != null) {
                        // A subordinate CA's certificate is one its parent issued: revocable, on CRLs, answered by OCSP.
                        CertificateStore.insert(jdbc, subordinateCertificate(record, actor));
                    }
                    return null;
                });
    }

    /** Records subordinate CA certificates stored before they were kept as issued certificates (data from older versions). */
    public void recordSubordinateCertificates(CertificateStore certificates, String actor) {
        for (CaRecord record : store.all()) {
            if (record.parentId() != null && !certificates.existsByFingerprint(Fingerprints.sha256(record.certificateDer()))) {
                audited.execute(AuditEvent.of(actor, "certificate.import", "ca:" + record.id(), Map.of("parent", record.parentId())),
                        jdbc -> {
                            CertificateStore.insert(jdbc, subordinateCertificate(record, actor));
                            return null;
                        });
            }
        }
    }

    private static CertificateRecord subordinateCertificate(CaRecord record, String actor) {
        try {
            return CertificateRecord.of(new X509CertificateHolder(record.certificateDer()), record.parentId(), SUBORDINATE_CA_PROFILE,
                    actor, record.createdAt());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("CA " + record.id() + " has a damaged certificate", e);
        }
    }

    private CertificateAuthority parentOf(CaRecord record) {
        if (record.parentId() == null) {
            return null;
        }
        return find(record.parentId()).orElseThrow(
                () -> new IllegalStateException("CA " + record.id() + " names a missing parent " + record.parentId()));
    }
}
