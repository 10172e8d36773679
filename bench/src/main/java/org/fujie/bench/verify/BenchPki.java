package org.fujie.bench.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.asn1.x500.X500Name;
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
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.JcaSigningKey;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.revocation.CrlTemplate;
import org.fujie.pki.validation.Purpose;
import org.fujie.pki.x509.CertificateSigner;
import org.fujie.pki.x509.CertificateTemplate;
import org.fujie.pki.x509.Extensions;
import org.fujie.pki.x509.Pem;
import org.fujie.pki.x509.SerialNumbers;
import org.fujie.pki.x509.SubjectNames;

import com.sun.net.httpserver.HttpServer;

/**
 * The benchmark's PKI, made with pki-core's signer: an EC P-256 (or SM2) root, an issuing CA of the same algorithm and an RSA-2048
 * document signer (EKU documentSigning; RSA because its fixed-length signatures let DSS reserve exactly the CMS
 * size, see {@link DssSide}); more document signers and a TSA on request. Each CA publishes a CRL (valid 7 days) on
 * a JDK HttpServer on 127.0.0.1 at the URL named in the certificates' CRL distribution points; the server counts the
 * requests per path. Certificates are valid from 30 days ago for a year.
 */
public final class BenchPki implements AutoCloseable {

    public record Issued(X509CertificateHolder holder, X509Certificate x509, KeyPair keyPair, SigningKey key) {
    }

    public final Issued root;
    public final Issued issuing;
    public final Issued signer;
    public final String rootCrlUrl;
    public final String issuingCrlUrl;
    private final Instant from;
    private final Instant until;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    BenchPki() throws IOException {
        this("Fujie Verify Bench");
    }

    /** @param name the start of the CAs' common names, e.g. "Fujie Stamp Bench" */
    public BenchPki(String name) throws IOException {
        this(name, KeyAlgorithm.EC_P256);
    }

    /**
     * @param name the start of the CAs' common names
     * @param caAlgorithm the root's and the issuing CA's key algorithm (SM2 for an SM2 PKI: SM3withSM2 certificates and
     *     CRLs, signed through pki-core's {@code Sm2} by the keys' own content signers)
     */
    public BenchPki(String name, KeyAlgorithm caAlgorithm) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        rootCrlUrl = base + "/crl/root.crl";
        issuingCrlUrl = base + "/crl/issuing.crl";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        from = now.minus(Duration.ofDays(30));
        until = now.plus(Duration.ofDays(365));

        KeyPair rootKeys = caAlgorithm.generateKeyPair();
        SigningKey rootKey = key("root", caAlgorithm, rootKeys);
        X500Name rootName = SubjectNames.parse("CN=" + name + " Root,O=Fujie Bench");
        X509CertificateHolder rootCert = CertificateSigner.selfSigned(rootName, rootKey).sign(new CertificateTemplate(
                SerialNumbers.next(), rootName, rootKey.publicKeyInfo(), from, until, caExtensions(null)));
        root = issued(rootCert, rootKeys, rootKey);
        issuing = issue(root, "CN=" + name + " Issuing CA,O=Fujie Bench", caAlgorithm, from, until,
                caExtensions(rootCrlUrl));
        signer = documentSigner("CN=Zhang San,O=Fujie Bench", KeyAlgorithm.RSA_2048);

        serve("/crl/root.crl", crl(root, 1));
        serve("/crl/issuing.crl", crl(issuing, 1));
        server.start();
    }

    /** A further certificate of the issuing CA with EKU documentSigning (as {@link #signer}), for a fresh key. */
    public Issued documentSigner(String subject, KeyAlgorithm algorithm) {
        return leaf(subject, algorithm, Extensions.nonCritical(Extension.extendedKeyUsage, new ExtendedKeyUsage(
                KeyPurposeId.getInstance(Purpose.DOCUMENT_SIGNING.extendedKeyUsage()))));
    }

    /** A certificate of the issuing CA for an RFC 3161 TSA (critical EKU timeStamping), for a fresh key. */
    public Issued timeStampingUnit(String subject, KeyAlgorithm algorithm) {
        return leaf(subject, algorithm, Extensions.critical(Extension.extendedKeyUsage, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping)));
    }

    private Issued leaf(String subject, KeyAlgorithm algorithm, Extension extendedKeyUsage) {
        return issue(issuing, subject, algorithm, from, until, List.of(
                Extensions.critical(Extension.basicConstraints, new BasicConstraints(false)),
                Extensions.critical(Extension.keyUsage, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)),
                extendedKeyUsage, crlDistributionPoint(issuingCrlUrl)));
    }

    /** Requests the server answered on the path so far. */
    public int hits(String path) {
        return hits.get(path).get();
    }

    private void serve(String path, byte[] body) {
        hits.put(path, new AtomicInteger());
        server.createContext(path, exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
                hits.get(path).incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "application/pkix-crl");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } finally {
                exchange.close();
            }
        });
    }

    private static byte[] crl(Issued ca, long number) {
        Instant thisUpdate = Instant.now().minus(Duration.ofMinutes(1));
        CrlTemplate template = new CrlTemplate(BigInteger.valueOf(number), thisUpdate, thisUpdate.plus(Duration.ofDays(7)),
                null, null, null, List.of());
        try {
            return CertificateSigner.forIssuer(ca.holder(), ca.key()).crlSigner().sign(template).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Issued issue(Issued issuer, String subject, KeyAlgorithm algorithm, Instant from, Instant until,
            List<Extension> extensions) {
        KeyPair keyPair = algorithm.generateKeyPair();
        X509CertificateHolder certificate = CertificateSigner.forIssuer(issuer.holder(), issuer.key())
                .sign(new CertificateTemplate(SerialNumbers.next(), SubjectNames.parse(subject),
                        SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded()), from, until, extensions));
        return issued(certificate, keyPair, key("key", algorithm, keyPair));
    }

    private static Issued issued(X509CertificateHolder holder, KeyPair keyPair, SigningKey key) {
        try {
            return new Issued(holder, Pem.parseCertificate(holder.getEncoded()), keyPair, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SigningKey key(String alias, KeyAlgorithm algorithm, KeyPair keyPair) {
        return new JcaSigningKey(alias, algorithm, keyPair.getPrivate(), SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded()));
    }

    private static List<Extension> caExtensions(String crlUrl) {
        List<Extension> extensions = new ArrayList<>(List.of(
                Extensions.critical(Extension.basicConstraints, new BasicConstraints(true)),
                Extensions.critical(Extension.keyUsage, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))));
        if (crlUrl != null) {
            extensions.add(crlDistributionPoint(crlUrl));
        }
        return extensions;
    }

    private static Extension crlDistributionPoint(String url) {
        return Extensions.nonCritical(Extension.cRLDistributionPoints, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(
                        new GeneralName(GeneralName.uniformResourceIdentifier, url))), null, null)}));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
