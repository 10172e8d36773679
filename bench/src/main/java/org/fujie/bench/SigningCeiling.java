package org.fujie.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifier;
import org.fujie.pki.crypto.Verifiers;
import org.fujie.pki.csr.CsrException;
import org.fujie.pki.csr.CsrParser;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.x509.CertificateSigner;
import org.fujie.pki.x509.CertificateTemplate;
import org.fujie.pki.x509.Extensions;
import org.fujie.pki.x509.SerialNumbers;

/**
 * The ceiling: how many complete certificates the CA key can sign per second on this machine, with
 * nothing else in the way (no HTTP, TLS, CSR checks, database or audit). Each signature goes through
 * the service's own signer ({@link CertificateSigner}, an X509v3CertificateBuilder with the CA's
 * ContentSigner) over a template like the tls-server one, and is DER-encoded as the service stores it. The key's own
 * {@link SigningKey#newContentSigner()} signs, so an SM2 CA key signs SM3withSM2 through pki-core's {@code Sm2} with the
 * deployment's user ID, as in the service. {@link #signatures} is the bare signing rate of a key, for the benchmarks
 * whose figures are compared with it (OCSP, stamping).
 */
public final class SigningCeiling {

    public record Result(int threads, double seconds, long operations, CpuMeter.Usage cpu) {
        public double perSecond() {
            return operations / seconds;
        }
    }

    private final CertificateSigner signer;
    private final CsrPool pool;
    private final String publicBaseUrl;

    SigningCeiling(X509CertificateHolder issuer, SigningKey key, CsrPool pool, String publicBaseUrl) {
        if (!issuer.getSubjectPublicKeyInfo().equals(key.publicKeyInfo())) {
            throw new IllegalArgumentException("the key " + key.alias() + " does not belong to " + issuer.getSubject());
        }
        this.signer = CertificateSigner.forIssuer(issuer, key);
        this.pool = pool;
        this.publicBaseUrl = publicBaseUrl;
        X509CertificateHolder sample = sign(0);
        try {
            if (!sample.isSignatureValid(Verifiers.of(issuer.getSubjectPublicKeyInfo()))) {
                throw new IllegalStateException("a ceiling certificate does not verify under " + issuer.getSubject());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot verify a ceiling certificate", e);
        }
    }

    public static final int MESSAGE_BYTES = 512;
    /** What {@link #signatures} signs each time: fixed bytes, about the size of a TBSCertificate or an OCSP tbsResponseData. */
    private static final byte[] MESSAGE = message();

    /**
     * The raw signing rate of a key: {@code threads} threads each take a fresh {@link SigningKey#newContentSigner()}
     * (pki-core's {@code Sm2.contentSigner} for SM2 keys), write {@value #MESSAGE_BYTES} bytes and sign, back to back.
     * One signature is verified first ({@link Verifiers}: SM2 under the deployment's user ID).
     */
    public static Result signatures(SigningKey key, int threads, int warmupSeconds, int seconds, long serverPid)
            throws InterruptedException {
        byte[] sample = sign(key);
        try {
            ContentVerifier verifier = Verifiers.of(key.publicKeyInfo()).get(key.newContentSigner().getAlgorithmIdentifier());
            verifier.getOutputStream().write(MESSAGE);
            if (!verifier.verify(sample)) {
                throw new IllegalStateException("a " + key.algorithm().id() + " signature of " + key.alias() + " does not verify");
            }
        } catch (IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot verify a signature of " + key.alias(), e);
        }
        return measure(threads, warmupSeconds, seconds, serverPid, i -> sign(key));
    }

    private static byte[] message() {
        byte[] message = new byte[MESSAGE_BYTES];
        new java.util.Random(MESSAGE_BYTES).nextBytes(message);
        return message;
    }

    private static byte[] sign(SigningKey key) {
        ContentSigner signer = key.newContentSigner();
        try {
            signer.getOutputStream().write(MESSAGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return signer.getSignature();
    }

    /** Complete certificates signed per second by {@code threads} threads. */
    Result signing(int threads, int warmupSeconds, int seconds, long serverPid) throws InterruptedException {
        return measure(threads, warmupSeconds, seconds, serverPid, this::sign);
    }

    /**
     * The other public-key operation every issuance needs: the service's own CSR parser (pki-core
     * CsrParser: decode, and verify the proof of possession), per second, over the same fresh keys.
     */
    Result csrChecks(int threads, int warmupSeconds, int seconds, long serverPid) throws InterruptedException {
        CsrParser parser = new CsrParser(16_384);
        return measure(threads, warmupSeconds, seconds, serverPid, i -> {
            try {
                parser.parse(pool.get(Math.floorMod(i, pool.size())).csrPem());
            } catch (CsrException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Runs {@code operation(i)} on {@code threads} threads (thread t takes i = t, t + threads, ...), unmeasured for
     * {@code warmupSeconds}, then counts the operations finished in {@code seconds} and the CPU used meanwhile
     * (this process, the process {@code serverPid}, the machine). Also used by the TSA benchmark's ceilings.
     */
    public static Result measure(int threads, int warmupSeconds, int seconds, long serverPid, IntConsumer operation)
            throws InterruptedException {
        AtomicLong count = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread worker = new Thread(() -> {
                long local = 0;
                for (int i = offset; !stop.get(); i += threads) {
                    operation.accept(i);
                    if (measuring.get()) {
                        local++;
                    }
                }
                count.addAndGet(local);
            }, "ceiling-" + t);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
        CpuMeter.Snapshot before = CpuMeter.take(serverPid);
        measuring.set(true);
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        measuring.set(false);
        CpuMeter.Snapshot after = CpuMeter.take(serverPid);
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        return new Result(threads, (after.wallNanos() - before.wallNanos()) / 1e9, count.get(), CpuMeter.between(before, after));
    }

    /** One complete certificate for pool entry i, as the service would make it for the tls-server profile. */
    X509CertificateHolder sign(int i) {
        CsrPool.Entry entry = pool.get(Math.floorMod(i, pool.size()));
        Instant now = Instant.now();
        List<Extension> extensions = List.of(
                Extensions.critical(Extension.basicConstraints, new BasicConstraints(false)),
                Extensions.critical(Extension.keyUsage, new KeyUsage(KeyUsage.digitalSignature)),
                Extensions.nonCritical(Extension.extendedKeyUsage, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth)),
                Extensions.nonCritical(Extension.subjectAlternativeName,
                        new GeneralNames(new GeneralName(GeneralName.dNSName, entry.dnsName()))),
                Extensions.nonCritical(Extension.authorityInfoAccess, AuthorityInformationAccess.getInstance(new DERSequence(
                        new AccessDescription[] {
                                new AccessDescription(AccessDescription.id_ad_ocsp, uri(publicBaseUrl + "/pki/ocsp")),
                                new AccessDescription(AccessDescription.id_ad_caIssuers, uri(publicBaseUrl + "/pki/ca/issuing.crt"))}))),
                Extensions.nonCritical(Extension.cRLDistributionPoints, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(new DistributionPointName(new GeneralNames(uri(publicBaseUrl + "/pki/crl/issuing.crl"))),
                                null, null)})));
        CertificateTemplate template = new CertificateTemplate(SerialNumbers.next(), entry.subject(), entry.publicKey(),
                now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(365)), extensions);
        X509CertificateHolder certificate = signer.sign(template);
        try {
            certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return certificate;
    }

    private static GeneralName uri(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }
}
