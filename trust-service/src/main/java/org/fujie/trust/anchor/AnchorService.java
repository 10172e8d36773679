package org.fujie.trust.anchor;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.fujie.pki.validation.Purpose;
import org.fujie.pki.validation.TrustAnchor;
import org.fujie.pki.x509.Fingerprints;
import org.fujie.pki.x509.Pem;
import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.problem.CommonProblem;
import org.fujie.service.problem.FujieException;
import org.fujie.trust.problem.TrustProblem;

/**
 * The trust anchors: added and removed by administrators, every change audited, and handed to
 * validation as an immutable list that is rebuilt only when they change.
 */
public final class AnchorService {

    private final AnchorStore store;
    private final AuditedTransactions audited;
    private final Clock clock;
    private final AtomicReference<List<TrustAnchor>> current = new AtomicReference<>();

    public AnchorService(AnchorStore store, AuditedTransactions audited, Clock clock) {
        this.store = store;
        this.audited = audited;
        this.clock = clock;
    }

    public List<AnchorRecord> list() {
        return store.all();
    }

    public AnchorRecord get(String id) {
        return store.find(id).orElseThrow(() -> new FujieException(CommonProblem.NOT_FOUND, "no trust anchor " + id));
    }

    /** The anchors for validation. Read once per change on this instance, and at most a few seconds stale across a cluster. */
    public List<TrustAnchor> anchors() {
        List<TrustAnchor> anchors = current.get();
        if (anchors == null) {
            anchors = store.all().stream().map(AnchorRecord::toTrustAnchor).toList();
            current.set(anchors);
        }
        return anchors;
    }

    public void forgetCached() {
        current.set(null);
    }

    public AnchorRecord add(String certificatePem, Set<Purpose> purposes, String actor) {
        X509Certificate certificate = parse(certificatePem);
        if (certificate.getBasicConstraints() < 0) {
            throw new FujieException(TrustProblem.ANCHOR_INVALID, "a trust anchor must be a CA certificate (basicConstraints cA)");
        }
        byte[] der = encoded(certificate);
        String fingerprint = Fingerprints.sha256(der);
        if (store.findByFingerprint(fingerprint).isPresent()) {
            throw new FujieException(TrustProblem.ANCHOR_EXISTS, "this certificate is a trust anchor already");
        }
        AnchorRecord anchor = new AnchorRecord(UUID.randomUUID().toString(),
                certificate.getSubjectX500Principal().getName(), fingerprint, der, purposes, clock.instant());
        audited.execute(AuditEvent.of(actor, "trust-anchor.add", "trust-anchor:" + anchor.id(), Map.of(
                        "subject", anchor.subject(), "fingerprint", fingerprint, "purposes", purposes.toString())),
                jdbc -> {
                    AnchorStore.insert(jdbc, anchor);
                    return null;
                });
        forgetCached();
        return anchor;
    }

    public void remove(String id, String actor) {
        AnchorRecord anchor = get(id);
        audited.execute(AuditEvent.of(actor, "trust-anchor.remove", "trust-anchor:" + id, Map.of(
                        "subject", anchor.subject(), "fingerprint", anchor.fingerprint())),
                jdbc -> AnchorStore.delete(jdbc, id));
        forgetCached();
    }

    private static X509Certificate parse(String pem) {
        if (pem == null || pem.length() > 64 * 1024) {
            throw new FujieException(TrustProblem.ANCHOR_INVALID, "give certificatePem, one PEM certificate of at most 64 KiB");
        }
        try {
            List<X509Certificate> certificates = Pem.parseCertificates(pem);
            if (certificates.size() != 1) {
                throw new FujieException(TrustProblem.ANCHOR_INVALID, "give exactly one certificate, not " + certificates.size());
            }
            return certificates.get(0);
        } catch (RuntimeException e) {
            if (e instanceof FujieException fujie) {
                throw fujie;
            }
            throw new FujieException(TrustProblem.ANCHOR_INVALID, "certificatePem is not a PEM certificate");
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new FujieException(TrustProblem.ANCHOR_INVALID, "the certificate cannot be encoded");
        }
    }
}
