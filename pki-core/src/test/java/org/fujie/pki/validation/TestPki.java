package org.fujie.pki.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
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
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.Req;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.ocsp.OcspAnswer;
import org.fujie.pki.ocsp.OcspResponseSigner;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.revocation.CrlSigner;
import org.fujie.pki.revocation.CrlTemplate;
import org.fujie.pki.revocation.RevocationReason;
import org.fujie.pki.x509.CertificateSigner;
import org.fujie.pki.x509.CertificateTemplate;
import org.fujie.pki.x509.Extensions;
import org.fujie.pki.x509.SerialNumbers;
import org.fujie.pki.x509.SubjectNames;

/**
 * A small PKI for validation tests, published over a real HTTP server: a root, an issuing CA and a
 * delegated OCSP responder (OCSPSigning, nocheck), the CA certificate at /ca/issuing.crt, CRLs of both
 * CAs signed with pki-core's CrlSigner, OCSP for both with pki-core's OcspResponseSigner (the root
 * signs its own answers, the issuing CA delegates). Times come from a clock the test moves.
 */
final class TestPki implements AutoCloseable {

    static final String ROOT_OCSP = "/ocsp/root";
    static final String ISSUING_OCSP = "/ocsp/issuing";
    static final String ROOT_CRL = "/crl/root.crl";
    static final String ISSUING_CRL = "/crl/issuing.crl";
    static final String ISSUING_DELTA_CRL = "/crl/issuing-delta.crl";
    static final String ISSUING_CERT = "/ca/issuing.crt";

    /** id-kp-documentSigning (RFC 9336). */
    static final KeyPurposeId DOCUMENT_SIGNING = KeyPurposeId.getInstance(Purpose.DOCUMENT_SIGNING.extendedKeyUsage());

    private record Revoked(X500Name issuer, Instant at, RevocationReason reason) {
    }

    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final TestServer server = new TestServer();
    final Issued root;
    final Issued issuing;
    final Issued responder;

    private final Map<BigInteger, Revoked> revoked = new ConcurrentHashMap<>();
    private final Map<BigInteger, Revoked> revokedOnDeltaOnly = new ConcurrentHashMap<>();
    private final AtomicLong crlNumber = new AtomicLong(1);
    private final Map<String, byte[]> pinned = new ConcurrentHashMap<>();
    volatile Duration ocspValidity = Duration.ofHours(1);
    volatile Duration crlValidity = Duration.ofDays(1);
    /** How long before now the published information was made (to publish stale information). */
    volatile Duration age = Duration.ZERO;
    volatile boolean publishDelta;

    TestPki() {
        Instant now = clock.instant();
        root = selfSigned("CN=Validation Test Root,O=Fujie Test", now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(3650)));
        issuing = issue(root, "CN=Validation Test Issuing CA,O=Fujie Test", now.minus(Duration.ofDays(20)),
                now.plus(Duration.ofDays(1000)), caExtensions(server.url(ROOT_OCSP), server.url(ROOT_CRL)));
        responder = issue(issuing, "CN=Validation Test OCSP,O=Fujie Test", now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)), List.of(
                        Extensions.critical(Extension.keyUsage, new KeyUsage(KeyUsage.digitalSignature)),
                        Extensions.nonCritical(Extension.extendedKeyUsage, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning)),
                        Extensions.nonCritical(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, DERNull.INSTANCE)));
        server.handle(ROOT_OCSP, "application/ocsp-response",
                ocsp(new OcspResponseSigner(root.signingKey(), root.certificate())));
        server.handle(ISSUING_OCSP, "application/ocsp-response",
                ocsp(new OcspResponseSigner(responder.signingKey(), responder.certificate())));
        server.handle(ROOT_CRL, "application/pkix-crl", body -> pinned.getOrDefault(ROOT_CRL, crl(root, false)));
        server.handle(ISSUING_CRL, "application/pkix-crl", body -> pinned.getOrDefault(ISSUING_CRL, crl(issuing, false)));
        server.handle(ISSUING_DELTA_CRL, "application/pkix-crl", body -> crl(issuing, true));
        server.handle(ISSUING_CERT, "application/pkix-cert", body -> encoded(issuing.certificate()));
    }

    /** A document-signing and TLS client leaf of the issuing CA, valid from a day ago for 30 days, with every pointer. */
    Issued leaf(String commonName) {
        Instant now = clock.instant();
        return leaf(commonName, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)),
                leafExtensions(server.url(ISSUING_OCSP), server.url(ISSUING_CRL), server.url(ISSUING_CERT),
                        DOCUMENT_SIGNING, KeyPurposeId.id_kp_clientAuth));
    }

    Issued leaf(String commonName, Instant notBefore, Instant notAfter, List<Extension> extensions) {
        return issue(issuing, "CN=" + commonName + ",O=Fujie Test", notBefore, notAfter, extensions);
    }

    /** Leaf extensions; null URLs are left out. */
    static List<Extension> leafExtensions(String ocspUrl, String crlUrl, String caIssuersUrl, KeyPurposeId... purposes) {
        List<Extension> extensions = new ArrayList<>(List.of(
                Extensions.critical(Extension.basicConstraints, new BasicConstraints(false)),
                Extensions.critical(Extension.keyUsage, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation)),
                Extensions.nonCritical(Extension.extendedKeyUsage, new ExtendedKeyUsage(purposes))));
        extensions.addAll(pointers(ocspUrl, crlUrl, caIssuersUrl));
        return extensions;
    }

    static List<Extension> pointers(String ocspUrl, String crlUrl, String caIssuersUrl) {
        List<Extension> extensions = new ArrayList<>();
        List<AccessDescription> access = new ArrayList<>();
        if (ocspUrl != null) {
            access.add(new AccessDescription(AccessDescription.id_ad_ocsp, uri(ocspUrl)));
        }
        if (caIssuersUrl != null) {
            access.add(new AccessDescription(AccessDescription.id_ad_caIssuers, uri(caIssuersUrl)));
        }
        if (!access.isEmpty()) {
            extensions.add(Extensions.nonCritical(Extension.authorityInfoAccess,
                    new AuthorityInformationAccess(access.toArray(new AccessDescription[0]))));
        }
        if (crlUrl != null) {
            extensions.add(Extensions.nonCritical(Extension.cRLDistributionPoints, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(uri(crlUrl))), null, null)})));
        }
        return extensions;
    }

    void revoke(Issued certificate, Instant at, RevocationReason reason) {
        revoked.put(certificate.certificate().getSerialNumber(),
                new Revoked(certificate.certificate().getIssuer(), at, reason));
    }

    /** Revoked since the last complete CRL: only the delta CRL (and OCSP) list it. */
    void revokeOnDelta(Issued certificate, Instant at, RevocationReason reason) {
        revokedOnDeltaOnly.put(certificate.certificate().getSerialNumber(),
                new Revoked(certificate.certificate().getIssuer(), at, reason));
    }

    /** The current CRL of a CA, DER, as the server would publish it. */
    byte[] crl(Issued ca, boolean delta) {
        Instant thisUpdate = clock.instant().minus(age).minus(Duration.ofMinutes(1));
        List<CrlTemplate.Entry> entries = new ArrayList<>();
        addEntries(entries, revoked, ca);
        if (delta) {
            addEntries(entries, revokedOnDeltaOnly, ca);
        }
        long number = crlNumber.getAndIncrement();
        CrlTemplate template = new CrlTemplate(BigInteger.valueOf(number), thisUpdate, thisUpdate.plus(crlValidity),
                delta ? BigInteger.valueOf(number - 1) : null,
                !delta && publishDelta ? server.url(ISSUING_DELTA_CRL) : null, null, entries);
        CrlSigner signer = CertificateSigner.forIssuer(ca.certificate(), ca.signingKey()).crlSigner();
        return encoded(signer.sign(template));
    }

    /** Makes the complete CRLs of both CAs now and serves exactly these bytes from then on; returns them by path. */
    Map<String, byte[]> pinCrls() {
        pinned.put(ROOT_CRL, crl(root, false));
        pinned.put(ISSUING_CRL, crl(issuing, false));
        return Map.copyOf(pinned);
    }

    /** A validator over a real HTTP client, with OCSP-then-CRL revocation and fresh caches, on this PKI's clock. */
    CertificateValidator validator(ValidationPolicy policy, TrustAnchor... anchors) {
        HttpFetcher fetcher = new JdkHttpFetcher(Duration.ofSeconds(2), Duration.ofSeconds(5));
        return new CertificateValidator(List.of(anchors), policy, fetcher, RevocationChecker.ocspThenCrl(fetcher, policy),
                clock);
    }

    @Override
    public void close() {
        server.close();
    }

    private static void addEntries(List<CrlTemplate.Entry> entries, Map<BigInteger, Revoked> from, Issued ca) {
        from.forEach((serial, r) -> {
            if (r.issuer().equals(ca.certificate().getSubject())) {
                entries.add(new CrlTemplate.Entry(serial, r.at(), r.reason(), null));
            }
        });
    }

    private java.util.function.Function<byte[], byte[]> ocsp(OcspResponseSigner signer) {
        return body -> {
            try {
                OCSPReq request = new OCSPReq(body);
                Instant thisUpdate = clock.instant().minus(age).minus(Duration.ofMinutes(1));
                Instant nextUpdate = thisUpdate.plus(ocspValidity);
                List<OcspAnswer> answers = new ArrayList<>();
                for (Req one : request.getRequestList()) {
                    Revoked r = revoked.getOrDefault(one.getCertID().getSerialNumber(),
                            revokedOnDeltaOnly.get(one.getCertID().getSerialNumber()));
                    answers.add(r == null ? OcspAnswer.good(one.getCertID(), thisUpdate, nextUpdate)
                            : OcspAnswer.revoked(one.getCertID(), r.at(), r.reason(), null, thisUpdate, nextUpdate));
                }
                return signer.sign(answers, null, java.util.Date.from(clock.instant()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static Issued selfSigned(String subject, Instant notBefore, Instant notAfter) {
        KeyPair keyPair = KeyAlgorithm.EC_P256.generateKeyPair();
        SigningKey key = TestCertificates.signingKey("root", KeyAlgorithm.EC_P256, keyPair);
        X500Name name = SubjectNames.parse(subject);
        X509CertificateHolder certificate = CertificateSigner.selfSigned(name, key).sign(new CertificateTemplate(
                SerialNumbers.next(), name, key.publicKeyInfo(), notBefore, notAfter, TestCertificates.caExtensions()));
        return new Issued(certificate, keyPair, key);
    }

    static Issued issue(Issued issuer, String subject, Instant notBefore, Instant notAfter, List<Extension> extensions) {
        KeyPair keyPair = KeyAlgorithm.EC_P256.generateKeyPair();
        X509CertificateHolder certificate = CertificateSigner.forIssuer(issuer.certificate(), issuer.signingKey())
                .sign(new CertificateTemplate(SerialNumbers.next(), SubjectNames.parse(subject),
                        TestCertificates.spki(keyPair), notBefore, notAfter, extensions));
        return new Issued(certificate, keyPair, TestCertificates.signingKey("key", KeyAlgorithm.EC_P256, keyPair));
    }

    static List<Extension> caExtensions(String ocspUrl, String crlUrl) {
        List<Extension> extensions = new ArrayList<>(TestCertificates.caExtensions());
        extensions.addAll(pointers(ocspUrl, crlUrl, null));
        return extensions;
    }

    private static GeneralName uri(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }

    static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encoded(org.bouncycastle.cert.X509CRLHolder crl) {
        try {
            return crl.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
