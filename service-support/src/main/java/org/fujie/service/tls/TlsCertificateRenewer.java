package org.fujie.service.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.JcaSigningKey;
import org.fujie.pki.x509.Pem;
import org.fujie.pki.x509.SerialNumbers;
import org.fujie.pki.x509.SubjectNames;
import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Replaces the service's own TLS certificate before it expires: when its notAfter is within
 * {@code fujie.tls.renew-before}, a new key of the same algorithm is made, its certificate obtained from the
 * {@link TlsCertificateSource} for the same subject and names, and the key store file replaced; the SSL bundle
 * reloads it and the HTTPS connector serves it without a restart. Of the instances sharing a data folder one
 * renews: the others find the lock taken, or a certificate other than the one they judged due.
 */
public final class TlsCertificateRenewer {

    static final String ACTOR = "system:tls-renewer";
    private static final Logger log = LoggerFactory.getLogger(TlsCertificateRenewer.class);

    private final String service;
    private final TlsKeyStoreFile keyStore;
    private final Path lockFile;
    private final TlsCertificateSource source;
    private final AuditedTransactions audited;
    private final Duration renewBefore;
    private final Clock clock;

    TlsCertificateRenewer(String service, TlsKeyStoreFile keyStore, Path lockFile, TlsCertificateSource source,
            AuditedTransactions audited, Duration renewBefore, Clock clock) {
        this.service = service;
        this.keyStore = keyStore;
        this.lockFile = lockFile;
        this.source = source;
        this.audited = audited;
        this.renewBefore = renewBefore;
        this.clock = clock;
    }

    /** Every {@code fujie.tls.check-interval}; a failure (ca-service unreachable) is logged and tried again next time. */
    @Scheduled(initialDelayString = "${fujie.tls.check-initial-delay:1m}", fixedDelayString = "${fujie.tls.check-interval:1h}")
    void check() {
        try {
            renewIfDue();
        } catch (RuntimeException e) {
            log.warn("renewing the TLS certificate of {} failed, trying again at the next check: {}", service, e.getMessage());
        }
    }

    /** @return the new certificate; empty when the current one is not due, or another instance renews it */
    public Optional<X509Certificate> renewIfDue() {
        X509Certificate current = current();
        return due(current) ? replace(current) : Optional.empty();
    }

    /** The certificate the key store holds now (what the HTTPS connector serves once the bundle has reloaded). */
    public X509Certificate current() {
        return keyStore.certificate();
    }

    /**
     * Replaces {@code judgedDue} if it is still the certificate in the key store and no other instance is renewing it.
     * Deciding on one reading and renewing on the same one is what keeps two instances from both renewing.
     *
     * @return the new certificate; empty when another instance holds the lock or has already replaced it
     */
    public Optional<X509Certificate> replace(X509Certificate judgedDue) {
        try (RenewalLock lock = RenewalLock.tryAcquire(lockFile).orElse(null)) {
            if (lock == null) {
                log.info("another instance is renewing the TLS certificate of {}", service);
                return Optional.empty();
            }
            if (!keyStore.certificate().equals(judgedDue)) {
                return Optional.empty(); // renewed by another instance since it was judged due
            }
            return Optional.of(renew(judgedDue));
        }
    }

    private boolean due(X509Certificate certificate) {
        return !clock.instant().plus(renewBefore).isBefore(certificate.getNotAfter().toInstant());
    }

    private X509Certificate renew(X509Certificate current) {
        SubjectPublicKeyInfo currentKey = SubjectPublicKeyInfo.getInstance(current.getPublicKey().getEncoded());
        KeyAlgorithm algorithm = KeyAlgorithm.of(currentKey).orElseThrow(() -> new IllegalStateException(
                "the TLS key of " + service + " has an algorithm Fujie does not issue for; replace it by hand"));
        KeyPair keyPair = algorithm.generateKeyPair();
        String subject = SubjectNames.format(current.getSubjectX500Principal());
        List<X509Certificate> chain = source.issue(csr(keyPair, algorithm, subject), subject, sans(current));
        X509Certificate renewed = chain.get(0);
        if (!sameKey(renewed.getPublicKey(), keyPair.getPublic())) {
            throw new IllegalStateException("the CA answered with a certificate for another key");
        }
        keyStore.replace(keyPair.getPrivate(), chain);
        String serial = SerialNumbers.toHex(renewed.getSerialNumber());
        audited.record(AuditEvent.of(ACTOR, "tls.renewed", "certificate:" + serial, Map.of(
                "service", service,
                "subject", subject,
                "previousSerial", SerialNumbers.toHex(current.getSerialNumber()),
                "previousNotAfter", current.getNotAfter().toInstant().toString(),
                "notAfter", renewed.getNotAfter().toInstant().toString())));
        log.info("renewed the TLS certificate of {}: serial {} valid until {} replaces {} (expiring {})", service, serial,
                renewed.getNotAfter().toInstant(), SerialNumbers.toHex(current.getSerialNumber()), current.getNotAfter().toInstant());
        return renewed;
    }

    private static String csr(KeyPair keyPair, KeyAlgorithm algorithm, String subject) {
        SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded());
        try {
            return Pem.encode("CERTIFICATE REQUEST", new PKCS10CertificationRequestBuilder(SubjectNames.parse(subject), publicKey)
                    .build(new JcaSigningKey("tls", algorithm, keyPair.getPrivate(), publicKey).newContentSigner()).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The DNS names and IP addresses of the certificate, as the API writes them. */
    static List<String> sans(X509Certificate certificate) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new IllegalStateException("unreadable subject alternative names", e);
        }
        List<String> sans = new ArrayList<>();
        for (List<?> name : names == null ? List.<List<?>>of() : names) {
            switch ((Integer) name.get(0)) {
                case 2 -> sans.add("dns:" + name.get(1));
                case 7 -> sans.add("ip:" + name.get(1));
                default -> { } // a TLS server certificate of Fujie names hosts only
            }
        }
        return sans;
    }

    private static boolean sameKey(PublicKey a, PublicKey b) {
        return Arrays.equals(a.getEncoded(), b.getEncoded());
    }
}
