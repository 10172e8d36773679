package org.fujie.trust.tsa;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.KeyBackend;
import org.fujie.pki.tsp.TimeStampAuthority;
import org.fujie.pki.tsp.TimeStampSettings;
import org.fujie.pki.x509.Pem;
import org.fujie.pki.x509.SubjectNames;
import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.ca.CaClient;
import org.fujie.service.store.Timestamps;
import org.fujie.trust.config.TsaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The TSA's signer: a key in trust-service's key backend with a {@code tsa} certificate from
 * ca-service (critical EKU timeStamping). Made on first need and renewed when a third of the
 * certificate's life is left; until one exists the TSA answers with a rejection, never an error.
 */
public final class TsaSigners {

    private static final Logger log = LoggerFactory.getLogger(TsaSigners.class);
    private static final String ACTOR = "system:tsa";

    private final KeyBackend keys;
    private final CaClient ca;
    private final JdbcClient jdbc;
    private final AuditedTransactions audited;
    private final TsaProperties settings;
    private final Clock clock;
    private final AtomicReference<TimeStampAuthority> current = new AtomicReference<>();

    public TsaSigners(KeyBackend keys, CaClient ca, JdbcClient jdbc, AuditedTransactions audited, TsaProperties settings, Clock clock) {
        this.keys = keys;
        this.ca = ca;
        this.jdbc = jdbc;
        this.audited = audited;
        this.settings = settings;
        this.clock = clock;
    }

    /** The TSA now, or empty while it has no certificate yet. */
    public Optional<TimeStampAuthority> current() {
        return Optional.ofNullable(current.get());
    }

    /** Loads the newest signer, and enrols a new one when there is none or it is due for renewal. */
    public synchronized void ensure() {
        Optional<Stored> newest = newest();
        if (newest.isEmpty() || renewalDue(newest.get().certificate())) {
            try {
                newest = Optional.of(enrol());
            } catch (RuntimeException e) {
                log.warn("TSA: no certificate yet ({}); retrying", e.getMessage());
                if (newest.isEmpty()) {
                    return;
                }
            }
        }
        Stored stored = newest.get();
        TimeStampAuthority authority = current.get();
        if (authority == null || !authority.certificate().equals(stored.certificate())) {
            current.set(new TimeStampAuthority(keys.get(stored.keyAlias(), stored.certificate().getSubjectPublicKeyInfo()),
                    stored.chain(), timeStampSettings(), clock));
        }
    }

    private record Stored(String keyAlias, List<X509CertificateHolder> chain) {
        X509CertificateHolder certificate() {
            return chain.get(0);
        }
    }

    private Stored enrol() {
        KeyAlgorithm algorithm = KeyAlgorithm.fromId(settings.algorithm())
                .orElseThrow(() -> new IllegalStateException("unknown fujie.tsa.algorithm " + settings.algorithm()));
        String alias = "tsa-" + clock.instant().getEpochSecond();
        CaClient.Enrolled enrolled = ca.enrol(keys, alias, algorithm, "tsa", settings.subject());
        List<X509CertificateHolder> chain = enrolled.chain();
        X509CertificateHolder certificate = chain.get(0);
        audited.execute(AuditEvent.of(ACTOR, "tsa.certificate", "tsa:" + alias, Map.of(
                        "serial", certificate.getSerialNumber().toString(16),
                        "subject", SubjectNames.format(certificate.getSubject()),
                        "notAfter", certificate.getNotAfter().toInstant().toString())),
                jdbc -> jdbc.sql("insert into tsa_signer (key_alias, certificate_der, chain_pem, not_after, created_at) values (?, ?, ?, ?, ?)")
                        .params(alias, encoded(certificate), enrolled.chainPem(), Timestamps.utc(certificate.getNotAfter().toInstant()),
                                Timestamps.utc(clock.instant()))
                        .update());
        log.info("TSA: certificate {} from ca-service, valid until {}", certificate.getSerialNumber().toString(16), certificate.getNotAfter());
        return new Stored(alias, chain);
    }

    private Optional<Stored> newest() {
        return jdbc.sql("select key_alias, certificate_der, chain_pem from tsa_signer order by not_after desc limit 1")
                .query((rs, n) -> {
                    List<X509CertificateHolder> chain = new ArrayList<>();
                    chain.add(holder(rs.getBytes(2)));
                    for (byte[] der : Pem.decodeAll(rs.getString(3), "CERTIFICATE")) {
                        chain.add(holder(der));
                    }
                    return new Stored(rs.getString(1), chain);
                })
                .optional();
    }

    private boolean renewalDue(X509CertificateHolder certificate) {
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        return !clock.instant().isBefore(notAfter.minus(Duration.between(notBefore, notAfter).dividedBy(3)));
    }

    private TimeStampSettings timeStampSettings() {
        return TimeStampSettings.defaults(new ASN1ObjectIdentifier(settings.policy())).withAccuracy(settings.accuracy());
    }

    private static X509CertificateHolder holder(byte[] der) {
        try {
            return new X509CertificateHolder(der);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
