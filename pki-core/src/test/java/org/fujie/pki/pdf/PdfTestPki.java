package org.fujie.pki.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
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
import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.ltv.LongTermDataCollector;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.revocation.CrlTemplate;
import org.fujie.pki.revocation.RevocationReason;
import org.fujie.pki.tsp.TimeStampAuthority;
import org.fujie.pki.tsp.TimeStampSettings;
import org.fujie.pki.validation.HttpFetcher;
import org.fujie.pki.validation.Purpose;
import org.fujie.pki.validation.TrustAnchor;
import org.fujie.pki.validation.ValidationPolicy;
import org.fujie.pki.x509.CertificateSigner;
import org.fujie.pki.x509.CertificateTemplate;
import org.fujie.pki.x509.Extensions;
import org.fujie.pki.x509.SerialNumbers;
import org.fujie.pki.x509.SubjectNames;

/**
 * A CA for signed-document tests (PDF, CMS) made with Fujie's own signer: root, issuing CA, a document signer, a TSA (critical
 * timeStamping), CRLs of both CAs published at http://pki.test/... through an in-memory fetcher (so no socket),
 * valid from 30 days ago for a year. Revocations can be added; the CRL URLs can be taken offline.
 */
public final class PdfTestPki {

    public static final String ROOT_CRL = "http://pki.test/crl/root.crl";
    public static final String ISSUING_CRL = "http://pki.test/crl/issuing.crl";
    static final ASN1ObjectIdentifier TSA_POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.3161.1");

    public final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    public final Issued root;
    public final Issued issuing;
    public final Issued signer;
    public final Issued tsa;
    final Map<BigInteger, CrlTemplate.Entry> revoked = new ConcurrentHashMap<>();
    private final AtomicLong crlNumber = new AtomicLong(1);
    public volatile boolean online = true;
    private final KeyAlgorithm leafAlgorithm;

    public PdfTestPki() {
        this("Fujie PDF Test");
    }

    public PdfTestPki(String name) {
        // RSA for the signer and the TSA: fixed-length signatures let DSS reserve exactly the CMS size (see DssPdf).
        this(name, KeyAlgorithm.EC_P256, KeyAlgorithm.RSA_2048);
    }

    /** A PKI whose CAs use one algorithm and whose signer and TSA use another (SM2 throughout for the national one). */
    public PdfTestPki(String name, KeyAlgorithm caAlgorithm, KeyAlgorithm leafAlgorithm) {
        this.leafAlgorithm = leafAlgorithm;
        Instant from = start.minus(Duration.ofDays(30));
        Instant until = start.plus(Duration.ofDays(365));
        root = selfSigned("CN=" + name + " Root,O=Fujie Test", from, until, caAlgorithm);
        issuing = issue(root, "CN=" + name + " Issuing CA,O=Fujie Test", from, until, caAlgorithm, caExtensions(ROOT_CRL));
        signer = issue(issuing, "CN=Zhang San,O=Fujie Test", from, until, leafAlgorithm, leafExtensions(
                Extensions.nonCritical(Extension.extendedKeyUsage, new ExtendedKeyUsage(
                        KeyPurposeId.getInstance(Purpose.DOCUMENT_SIGNING.extendedKeyUsage())))));
        tsa = issue(issuing, "CN=" + name + " TSA,O=Fujie Test", from, until, leafAlgorithm, leafExtensions(
                Extensions.critical(Extension.extendedKeyUsage, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))));
    }

    public Issued newSigner(String commonName) {
        return newSigner(commonName, leafAlgorithm);
    }

    public Issued newSigner(String commonName, KeyAlgorithm algorithm) {
        return issue(issuing, "CN=" + commonName + ",O=Fujie Test", start.minus(Duration.ofDays(30)), start.plus(Duration.ofDays(365)),
                algorithm, leafExtensions(Extensions.nonCritical(Extension.extendedKeyUsage, new ExtendedKeyUsage(
                        KeyPurposeId.getInstance(Purpose.DOCUMENT_SIGNING.extendedKeyUsage())))));
    }

    public void revoke(Issued certificate, Instant at) {
        revoked.put(certificate.certificate().getSerialNumber(), new CrlTemplate.Entry(
                certificate.certificate().getSerialNumber(), at, RevocationReason.KEY_COMPROMISE, null));
    }

    /** An RFC 3161 TSA (pki-core's own), its chain in every token. */
    public TimeStampAuthority timeStampAuthority() {
        return new TimeStampAuthority(tsa.signingKey(), List.of(tsa.certificate(), issuing.certificate()),
                TimeStampSettings.defaults(TSA_POLICY).withIncludeChain(true), Clock.systemUTC());
    }

    /** The current CRL of the root or the issuing CA, DER. */
    public byte[] crl(Issued ca) {
        Instant thisUpdate = Instant.now().minus(Duration.ofMinutes(1));
        List<CrlTemplate.Entry> entries = new ArrayList<>();
        if (ca == issuing) {
            entries.addAll(revoked.values());
        }
        CrlTemplate template = new CrlTemplate(BigInteger.valueOf(crlNumber.getAndIncrement()), thisUpdate,
                thisUpdate.plus(Duration.ofDays(7)), null, null, null, entries);
        try {
            return CertificateSigner.forIssuer(ca.certificate(), ca.signingKey()).crlSigner().sign(template).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves the two CRLs (while {@link #online}); anything else is unreachable. */
    public HttpFetcher fetcher() {
        return new HttpFetcher() {
            @Override
            public byte[] get(URI uri, int maxBytes) throws FetchException {
                if (!online) {
                    throw new FetchException(uri + " unreachable (test offline)");
                }
                return switch (uri.toString()) {
                    case ROOT_CRL -> crl(root);
                    case ISSUING_CRL -> crl(issuing);
                    default -> throw new FetchException(uri + " answered 404");
                };
            }

            @Override
            public byte[] post(URI uri, String contentType, byte[] body, int maxBytes) throws FetchException {
                throw new FetchException(uri + " answered 404");
            }
        };
    }

    /** Fujie's PAdES signer at every level: this PKI's TSA, and validation data fetched from its CRLs. */
    public org.fujie.pki.pades.PadesSigner padesSigner() {
        ValidationPolicy policy = ValidationPolicy.defaults();
        return new org.fujie.pki.pades.PadesSigner(org.fujie.pki.tsp.TimeStampClient.local(timeStampAuthority()),
                new org.fujie.pki.ltv.LongTermDataCollector(new org.fujie.pki.validation.CertificateValidator(
                        List.of(TrustAnchor.forAllPurposes(root.x509())), policy, fetcher(),
                        org.fujie.pki.validation.RevocationChecker.ocspThenCrl(fetcher(), policy), Clock.systemUTC())));
    }

    public PdfVerifier verifier() {
        return verifier(root);
    }

    public PdfVerifier verifier(Issued anchor) {
        return PdfVerifier.online(List.of(TrustAnchor.forAllPurposes(anchor.x509())), ValidationPolicy.defaults(), fetcher(),
                Clock.systemUTC(), PdfVerifierSettings.defaults());
    }

    private static Issued selfSigned(String subject, Instant notBefore, Instant notAfter, KeyAlgorithm algorithm) {
        KeyPair keyPair = algorithm.generateKeyPair();
        SigningKey key = TestCertificates.signingKey("root", algorithm, keyPair);
        X500Name name = SubjectNames.parse(subject);
        X509CertificateHolder certificate = CertificateSigner.selfSigned(name, key).sign(new CertificateTemplate(
                SerialNumbers.next(), name, key.publicKeyInfo(), notBefore, notAfter, TestCertificates.caExtensions()));
        return new Issued(certificate, keyPair, key);
    }

    private static Issued issue(Issued issuer, String subject, Instant notBefore, Instant notAfter, KeyAlgorithm algorithm,
            List<Extension> extensions) {
        KeyPair keyPair = algorithm.generateKeyPair();
        X509CertificateHolder certificate = CertificateSigner.forIssuer(issuer.certificate(), issuer.signingKey())
                .sign(new CertificateTemplate(SerialNumbers.next(), SubjectNames.parse(subject),
                        TestCertificates.spki(keyPair), notBefore, notAfter, extensions));
        return new Issued(certificate, keyPair, TestCertificates.signingKey("key", algorithm, keyPair));
    }

    /** A CA's extensions with a CRL distribution point at the URL (shared with the other test PKIs). */
    public static List<Extension> caExtensions(String crlUrl) {
        List<Extension> extensions = new ArrayList<>(TestCertificates.caExtensions());
        extensions.add(crlDistributionPoint(crlUrl));
        return extensions;
    }

    private static List<Extension> leafExtensions(Extension eku) {
        return leafExtensions(eku, ISSUING_CRL);
    }

    /** A signer's extensions: digitalSignature and nonRepudiation, the extended key usage given (or none), the CRL at the URL. */
    public static List<Extension> leafExtensions(Extension eku, String crlUrl) {
        List<Extension> extensions = new ArrayList<>(List.of(
                Extensions.critical(Extension.basicConstraints, new BasicConstraints(false)),
                Extensions.critical(Extension.keyUsage, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))));
        if (eku != null) {
            extensions.add(eku);
        }
        extensions.add(crlDistributionPoint(crlUrl));
        return extensions;
    }

    public static Extension crlDistributionPoint(String url) {
        return Extensions.nonCritical(Extension.cRLDistributionPoints, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(
                        new GeneralName(GeneralName.uniformResourceIdentifier, url))), null, null)}));
    }
}
