package org.fujie.seal.eseal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.KeyBackend;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.x509.Pem;
import org.fujie.seal.problem.SealProblem;
import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.ca.CaClient;
import org.fujie.service.problem.FujieException;
import org.fujie.service.store.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The seal maker's (制章者) SM2 key and certificate: GB/T 38540 has the maker sign every SESeal. The key lives in
 * seal-service's key backend, its certificate comes from ca-service (profile seal) on first need and again when the
 * current one has less than {@link #RENEW_BEFORE} left. Keys are named seal-maker-{n}, so a retry after a crash between
 * the key and the record takes the same key again.
 */
public final class SealMakerCredential {

    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final String ACTOR = "system:seal-maker";

    /** The key and its certificate. */
    public record Credential(SigningKey key, X509Certificate certificate) {
    }

    private final KeyBackend keys;
    private final CaClient ca;
    private final AuditedTransactions audited;
    private final JdbcClient jdbc;
    private final String subject;
    private final Clock clock;

    public SealMakerCredential(KeyBackend keys, CaClient ca, AuditedTransactions audited, JdbcClient jdbc, String subject,
            Clock clock) {
        this.keys = keys;
        this.ca = ca;
        this.audited = audited;
        this.jdbc = jdbc;
        this.subject = subject;
        this.clock = clock;
    }

    public synchronized Credential current() {
        Instant now = clock.instant();
        Optional<Map<String, Object>> latest = jdbc.sql("select key_alias, certificate_der from seal_maker"
                + " where not_after > ? order by not_after desc").param(Timestamps.utc(now.plus(RENEW_BEFORE))).query().listOfRows()
                .stream().findFirst();
        if (latest.isPresent()) {
            X509Certificate certificate = Pem.parseCertificate((byte[]) latest.get().get("certificate_der"));
            return new Credential(keys.get((String) latest.get().get("key_alias"), publicKeyOf(certificate)), certificate);
        }
        long count = jdbc.sql("select count(*) from seal_maker").query(Long.class).single();
        return enrol("seal-maker-" + (count + 1), now);
    }

    private Credential enrol(String alias, Instant now) {
        CaClient.Enrolled enrolled;
        try {
            enrolled = ca.enrol(keys, alias, KeyAlgorithm.SM2, "seal", subject);
        } catch (IllegalStateException e) {
            throw new FujieException(SealProblem.CA_UNAVAILABLE, "no seal maker certificate: " + e.getMessage());
        }
        byte[] der;
        try {
            der = enrolled.certificate().getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        X509Certificate certificate = Pem.parseCertificate(der);
        audited.execute(AuditEvent.of(ACTOR, "seal-maker.certify", "seal-maker:" + alias, Map.of("subject", subject,
                "serial", certificate.getSerialNumber().toString(16), "notAfter", certificate.getNotAfter().toInstant().toString())),
                tx -> tx.sql("insert into seal_maker (key_alias, certificate_der, chain_pem, not_after, installed_at)"
                        + " values (?, ?, ?, ?, ?)").params(alias, der, enrolled.chainPem(),
                        Timestamps.utc(certificate.getNotAfter().toInstant()), Timestamps.utc(now)).update());
        return new Credential(keys.get(enrolled.keyAlias(), publicKeyOf(certificate)), certificate);
    }

    private static SubjectPublicKeyInfo publicKeyOf(X509Certificate certificate) {
        return SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
    }
}
