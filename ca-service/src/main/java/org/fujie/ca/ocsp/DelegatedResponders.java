package org.fujie.ca.ocsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.ca.authority.AuthorityRegistry;
import org.fujie.ca.authority.CertificateAuthority;
import org.fujie.ca.issuance.CertificateIssuer;
import org.fujie.ca.store.CertificateRecord;
import org.fujie.ca.store.ClusterLock;
import org.fujie.service.store.Timestamps;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.ocsp.OcspResponseSigner;
import org.fujie.pki.operator.KeyBackend;
import org.fujie.pki.operator.SigningKey;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The delegated OCSP responder of each CA (RFC 6960 4.2.2.2): a key in the key backend and an
 * ocsp-signing certificate (with id-pkix-ocsp-nocheck) that the CA issues through the ordinary
 * issuance path. Renewed once two thirds of its life are gone, under the cluster lock, so a cluster
 * makes one per renewal; instances pick up the newest from the database.
 */
public final class DelegatedResponders {

    static final String PROFILE = "ocsp-signing";
    private static final String ACTOR = "system:ocsp";

    private final AuthorityRegistry authorities;
    private final CertificateIssuer issuer;
    private final KeyBackend keys;
    private final ClusterLock lock;
    private final JdbcClient jdbc;
    private final String algorithm;
    private final Clock clock;
    private final Map<String, OcspResponseSigner> current = new ConcurrentHashMap<>();

    public DelegatedResponders(AuthorityRegistry authorities, CertificateIssuer issuer, KeyBackend keys, ClusterLock lock,
            JdbcClient jdbc, String algorithm, Clock clock) {
        this.authorities = authorities;
        this.issuer = issuer;
        this.keys = keys;
        this.lock = lock;
        this.jdbc = jdbc;
        this.algorithm = algorithm;
        this.clock = clock;
    }

    private record Responder(String serial, String keyAlias, Instant notBefore, Instant notAfter) {
    }

    /** The CA's newest responder certificate as stored, for the console: serial, key alias and validity. */
    public record ResponderStatus(String serial, String keyAlias, Instant notBefore, Instant notAfter, boolean renewalDue) {
    }

    /** The newest responder of the CA, or empty before the first OCSP answer made one. Reads only; never issues. */
    public Optional<ResponderStatus> status(String caId) {
        return newest(caId).map(r -> new ResponderStatus(r.serial(), r.keyAlias(), r.notBefore(), r.notAfter(), renewalDue(r)));
    }

    /** The CA's responder now: loaded, or issued when it has none or its certificate is due for renewal. */
    public OcspResponseSigner forCa(String caId) {
        OcspResponseSigner signer = current.get(caId);
        if (signer != null && !renewalDue(signer.certificate())) {
            return signer;
        }
        synchronized (this) {
            signer = current.get(caId);
            if (signer == null || renewalDue(signer.certificate())) {
                signer = loadOrIssue(caId);
                current.put(caId, signer);
            }
            return signer;
        }
    }

    /** Forgets the loaded responders, so the next use reads the newest from the database (another instance may have renewed). */
    public void reload() {
        current.clear();
    }

    private OcspResponseSigner loadOrIssue(String caId) {
        Optional<Responder> newest = newest(caId);
        if (newest.isPresent() && !renewalDue(newest.get())) {
            return signer(newest.get());
        }
        return lock.callLocked("ocsp-responder:" + caId, () -> {
            Optional<Responder> again = newest(caId);
            return again.isPresent() && !renewalDue(again.get()) ? signer(again.get()) : signer(issue(caId));
        });
    }

    private Responder issue(String caId) {
        CertificateAuthority ca = authorities.find(caId).orElseThrow(() -> new IllegalStateException("no CA " + caId));
        KeyAlgorithm keyAlgorithm = algorithm.isBlank() ? ca.algorithm()
                : KeyAlgorithm.fromId(algorithm).orElseThrow(() -> new IllegalStateException("unknown algorithm " + algorithm));
        String alias = "ocsp-" + caId + "-" + clock.instant().getEpochSecond() + "-" + Long.toHexString(System.nanoTime());
        SigningKey key = keys.generate(alias, keyAlgorithm);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, "OCSP Responder " + caId).build();
        CertificateRecord certificate = issuer.issueForServiceKey(PROFILE, caId, subject, key.publicKeyInfo(), keyAlgorithm, ACTOR);
        Responder responder = new Responder(certificate.serial(), alias, certificate.notBefore(), certificate.notAfter());
        jdbc.sql("insert into ocsp_responder (ca_id, serial, key_alias, not_before, not_after, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(caId, responder.serial(), alias, Timestamps.utc(responder.notBefore()), Timestamps.utc(responder.notAfter()),
                        Timestamps.utc(clock.instant()))
                .update();
        return responder;
    }

    private Optional<Responder> newest(String caId) {
        return jdbc.sql("select serial, key_alias, not_before, not_after from ocsp_responder where ca_id = ? "
                        + "order by not_after desc limit 1")
                .param(caId)
                .query((rs, n) -> new Responder(rs.getString(1), rs.getString(2), Timestamps.read(rs, 3), Timestamps.read(rs, 4)))
                .optional();
    }

    private OcspResponseSigner signer(Responder responder) {
        byte[] der = jdbc.sql("select der from certificate where serial = ?").param(responder.serial()).query(byte[].class).single();
        try {
            X509CertificateHolder certificate = new X509CertificateHolder(der);
            return new OcspResponseSigner(keys.get(responder.keyAlias(), certificate.getSubjectPublicKeyInfo()), certificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean renewalDue(Responder responder) {
        return renewalDue(responder.notAfter(), responder.notBefore());
    }

    private boolean renewalDue(X509CertificateHolder certificate) {
        return renewalDue(certificate.getNotAfter().toInstant(), certificate.getNotBefore().toInstant());
    }

    private boolean renewalDue(Instant notAfter, Instant notBefore) {
        Instant now = clock.instant();
        Duration life = Duration.between(notBefore, notAfter);
        return !now.isBefore(notAfter.minus(life.dividedBy(3)));
    }
}
