package org.fujie.pki.ses;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.pdf.PdfTestPki;
import org.fujie.pki.revocation.CrlTemplate;
import org.fujie.pki.revocation.RevocationReason;
import org.fujie.pki.tsp.ImprintDigests;
import org.fujie.pki.tsp.TimeStampAuthority;
import org.fujie.pki.tsp.TimeStampSettings;
import org.fujie.pki.validation.CertificateValidator;
import org.fujie.pki.validation.HttpFetcher;
import org.fujie.pki.validation.Purpose;
import org.fujie.pki.validation.RevocationChecker;
import org.fujie.pki.validation.TrustAnchor;
import org.fujie.pki.validation.ValidationPolicy;
import org.fujie.pki.x509.CertificateSigner;
import org.fujie.pki.x509.CertificateTemplate;
import org.fujie.pki.x509.Extensions;
import org.fujie.pki.x509.SerialNumbers;
import org.fujie.pki.x509.SubjectNames;

/**
 * An SM2 PKI for seal tests: a root and issuing CA, a seal maker's unit certificate, keepers'
 * signing certificates and an SM2 TSA, valid from 30 days ago for a year, with CRLs at http://ses.test/... served by an
 * in-memory fetcher (no socket). Revocations can be added at any time.
 */
final class SesTestPki {

    static final String ROOT_CRL = "http://ses.test/crl/root.crl";
    static final String ISSUING_CRL = "http://ses.test/crl/issuing.crl";
    /** SM2 throughout, as GM/T 0015 has it (PkixCheck hands SM2 paths to Bouncy Castle's validator). */
    static final KeyAlgorithm CA_ALGORITHM = KeyAlgorithm.SM2;
    static final ASN1ObjectIdentifier TSA_POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.3161.1");

    final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final Issued root;
    final Issued issuing;
    final Issued maker;
    final Issued signer;
    final Issued tsa;
    private final Map<BigInteger, CrlTemplate.Entry> revoked = new ConcurrentHashMap<>();
    private final AtomicLong crlNumber = new AtomicLong(1);

    SesTestPki() {
        Instant from = start.minus(Duration.ofDays(30));
        Instant until = start.plus(Duration.ofDays(365));
        root = selfSigned("CN=Fujie SES Test Root,O=Fujie Test,C=CN", from, until);
        issuing = issue(root, "CN=Fujie SES Test Issuing CA,O=Fujie Test,C=CN", CA_ALGORITHM, PdfTestPki.caExtensions(ROOT_CRL));
        maker = issue(issuing, "CN=Seal Maker,O=Fujie Test,C=CN", PdfTestPki.leafExtensions(null, ISSUING_CRL));
        signer = newSigner("Zhang San");
        tsa = issue(issuing, "CN=Fujie SES Test TSA,O=Fujie Test,C=CN", PdfTestPki.leafExtensions(
                Extensions.critical(Extension.extendedKeyUsage, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping)), ISSUING_CRL));
    }

    Issued newSigner(String commonName) {
        return issue(issuing, "CN=" + commonName + ",O=Fujie Test,C=CN", PdfTestPki.leafExtensions(Extensions.nonCritical(
                Extension.extendedKeyUsage, new ExtendedKeyUsage(KeyPurposeId.getInstance(Purpose.DOCUMENT_SIGNING.extendedKeyUsage()))), ISSUING_CRL));
    }

    /** A keeper whose key may only encipher keys (no digitalSignature, no nonRepudiation). */
    Issued newEnciphermentOnlySigner(String commonName) {
        return issue(issuing, "CN=" + commonName + ",O=Fujie Test,C=CN", List.of(
                Extensions.critical(Extension.basicConstraints, new BasicConstraints(false)),
                Extensions.critical(Extension.keyUsage, new KeyUsage(KeyUsage.keyEncipherment)), PdfTestPki.crlDistributionPoint(ISSUING_CRL)));
    }

    /** A keeper whose certificate is valid only in the given period. */
    Issued newSigner(String commonName, Instant notBefore, Instant notAfter) {
        KeyPair keyPair = KeyAlgorithm.SM2.generateKeyPair();
        X509CertificateHolder certificate = CertificateSigner.forIssuer(issuing.certificate(), issuing.signingKey())
                .sign(new CertificateTemplate(SerialNumbers.next(), SubjectNames.parse("CN=" + commonName + ",O=Fujie Test,C=CN"),
                        TestCertificates.spki(keyPair), notBefore, notAfter, PdfTestPki.leafExtensions(null, ISSUING_CRL)));
        return new Issued(certificate, keyPair, TestCertificates.signingKey("key", KeyAlgorithm.SM2, keyPair));
    }

    void revoke(Issued certificate, Instant at) {
        revoked.put(certificate.certificate().getSerialNumber(), new CrlTemplate.Entry(
                certificate.certificate().getSerialNumber(), at, RevocationReason.KEY_COMPROMISE, null));
    }

    TimeStampAuthority timeStampAuthority() {
        return new TimeStampAuthority(tsa.signingKey(), List.of(tsa.certificate(), issuing.certificate()),
                TimeStampSettings.defaults(TSA_POLICY).withIncludeChain(true)
                        .withAcceptedDigests(Set.of(ImprintDigests.SM3, ImprintDigests.SHA256)), Clock.systemUTC());
    }

    SesVerifier verifier() {
        return new SesVerifier(validator(), List.of(issuing.x509()), SesVerifierSettings.defaults(), Clock.systemUTC());
    }

    CertificateValidator validator() {
        ValidationPolicy policy = ValidationPolicy.defaults();
        return new CertificateValidator(List.of(TrustAnchor.forAllPurposes(root.x509())), policy, fetcher(),
                RevocationChecker.ocspThenCrl(fetcher(), policy), Clock.systemUTC());
    }

    byte[] crl(Issued ca) {
        Instant thisUpdate = Instant.now().minus(Duration.ofMinutes(1));
        List<CrlTemplate.Entry> entries = ca == issuing ? new ArrayList<>(revoked.values()) : List.of();
        CrlTemplate template = new CrlTemplate(BigInteger.valueOf(crlNumber.getAndIncrement()), thisUpdate,
                thisUpdate.plus(Duration.ofDays(7)), null, null, null, entries);
        try {
            return CertificateSigner.forIssuer(ca.certificate(), ca.signingKey()).crlSigner().sign(template).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpFetcher fetcher() {
        return new HttpFetcher() {
            @Override
            public byte[] get(URI uri, int maxBytes) throws FetchException {
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

    private Issued selfSigned(String subject, Instant notBefore, Instant notAfter) {
        KeyPair keyPair = CA_ALGORITHM.generateKeyPair();
        SigningKey key = TestCertificates.signingKey("root", CA_ALGORITHM, keyPair);
        X500Name name = SubjectNames.parse(subject);
        X509CertificateHolder certificate = CertificateSigner.selfSigned(name, key).sign(new CertificateTemplate(
                SerialNumbers.next(), name, key.publicKeyInfo(), notBefore, notAfter, TestCertificates.caExtensions()));
        return new Issued(certificate, keyPair, key);
    }

    private Issued issue(Issued issuer, String subject, List<Extension> extensions) {
        return issue(issuer, subject, KeyAlgorithm.SM2, extensions);
    }

    private Issued issue(Issued issuer, String subject, KeyAlgorithm algorithm, List<Extension> extensions) {
        KeyPair keyPair = algorithm.generateKeyPair();
        X509CertificateHolder certificate = CertificateSigner.forIssuer(issuer.certificate(), issuer.signingKey())
                .sign(new CertificateTemplate(SerialNumbers.next(), SubjectNames.parse(subject), TestCertificates.spki(keyPair),
                        start.minus(Duration.ofDays(30)), start.plus(Duration.ofDays(365)), extensions));
        return new Issued(certificate, keyPair, TestCertificates.signingKey("key", algorithm, keyPair));
    }

}
