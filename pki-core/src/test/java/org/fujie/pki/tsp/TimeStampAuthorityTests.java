package org.fujie.pki.tsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.x509.Extensions;
import org.fujie.pki.x509.Fingerprints;
import org.junit.jupiter.api.Test;

/** The TSA's decisions and tokens, read back with Bouncy Castle's TSP classes (OpenSSL: TimeStampAuthorityOpenSslTests). */
class TimeStampAuthorityTests {

    private static final TestCertificates.Issued ROOT = TestCertificates.root(KeyAlgorithm.EC_P256, "CN=TSA Unit Root,O=Fujie Test");
    private static final TestCertificates.Issued TSA = TestTsa.tsa(ROOT, KeyAlgorithm.EC_P256);
    private static final TimeStampSettings SETTINGS = TimeStampSettings.defaults(TestTsa.POLICY);
    private static final BigInteger NONCE = new BigInteger("7a3b5c9d1e2f4a6b", 16);

    private final TimeStampAuthority authority = authority(SETTINGS, Clock.systemUTC());

    @Test
    void respondWhenSha256RequestThenGrantedTokenThatBouncyCastleValidates() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusNanos(987_654_321);
        TimeStampAuthority fixed = authority(SETTINGS, Clock.fixed(now, ZoneOffset.UTC));

        TimeStampOutcome outcome = fixed.answer(request(TSPAlgorithms.SHA256, 32, NONCE, true, null));
        TimeStampResponse response = granted(outcome.response());
        TimeStampTokenInfo info = response.getTimeStampToken().getTimeStampInfo();

        assertThat(outcome.granted()).isTrue();
        assertThat(info.getPolicy()).isEqualTo(TestTsa.POLICY);
        assertThat(info.getNonce()).isEqualTo(NONCE);
        assertThat(info.getGenTime()).isEqualTo(now.truncatedTo(ChronoUnit.SECONDS));
        assertThat(info.toASN1Structure().getGenTime().getTimeString()).doesNotContain(".");
        assertThat(outcome.genTime()).isEqualTo(now.truncatedTo(ChronoUnit.SECONDS));
        assertThat(info.getGenTimeAccuracy().getSeconds()).isEqualTo(1);
        assertThat(info.isOrdered()).isFalse();
        assertThat(info.getTsa()).isNull();
        assertThat(info.getSerialNumber()).isEqualTo(outcome.serialNumber()).isPositive();
        assertThat(info.getSerialNumber().bitLength()).isLessThanOrEqualTo(160);
        assertThat(info.getMessageImprintAlgOID()).isEqualTo(NISTObjectIdentifiers.id_sha256);
        assertThat(info.getMessageImprintDigest()).isEqualTo(digest(32));
    }

    @Test
    void respondThenTheReplyIsDer() throws Exception {
        for (boolean certReq : new boolean[] {false, true}) {
            byte[] reply = authority.respond(request(TSPAlgorithms.SHA512, 64, NONCE, certReq, null));

            assertThat(ASN1Primitive.fromByteArray(reply).getEncoded(ASN1Encoding.DER)).isEqualTo(reply);
        }
    }

    @Test
    void respondThenSignedAttributesHoldSigningCertificateV2WithSha256OfTheTsaCertificate() throws Exception {
        TimeStampToken token = granted(authority.respond(request(TSPAlgorithms.SHA256, 32, NONCE, false, null))).getTimeStampToken();
        AttributeTable signed = token.getSignedAttributes();

        Attribute attribute = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        ESSCertIDv2[] ids = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts();
        assertThat(ids).hasSize(1);
        assertThat(ids[0].getHashAlgorithm().getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_sha256);
        assertThat(ids[0].getCertHash()).isEqualTo(Fingerprints.digest("SHA-256", TSA.certificate().getEncoded()));
        assertThat(ids[0].getIssuerSerial().getSerial().getValue()).isEqualTo(TSA.certificate().getSerialNumber());
        assertThat(ids[0].getIssuerSerial().getIssuer().getNames()[0]).isEqualTo(new GeneralName(TSA.certificate().getIssuer()));
        assertThat(signed.get(PKCSObjectIdentifiers.id_aa_signingCertificate)).as("no SHA-1 ESSCertID").isNull();
        assertThat(signed.get(CMSAttributes.signingTime)).as("genTime is the time").isNull();
        assertThat(signed.get(CMSAttributes.contentType).getAttrValues().getObjectAt(0)).isEqualTo(PKCSObjectIdentifiers.id_ct_TSTInfo);
        assertThat(signed.get(CMSAttributes.cmsAlgorithmProtect)).isNotNull();
        assertThat(token.toCMSSignedData().getSignerInfos().getSigners().iterator().next().getDigestAlgorithmID().getParameters())
                .as("RFC 5754: SHA-2 parameters absent").isNull();
    }

    @Test
    void respondWhenCertReqThenOnlyTheTsaCertificateOrTheChainWhenConfigured() throws Exception {
        TestCertificates.Issued intermediate = TestCertificates.intermediate(ROOT, KeyAlgorithm.EC_P256, "CN=TSA Unit Issuing");
        TestCertificates.Issued tsa = TestTsa.tsa(intermediate, KeyAlgorithm.EC_P256);
        List<X509CertificateHolder> chain = List.of(tsa.certificate(), intermediate.certificate());
        TimeStampAuthority onlyTsa = new TimeStampAuthority(tsa.signingKey(), chain, SETTINGS, Clock.systemUTC());
        TimeStampAuthority withChain = new TimeStampAuthority(tsa.signingKey(), chain, SETTINGS.withIncludeChain(true), Clock.systemUTC());

        assertThat(certificates(onlyTsa.respond(request(TSPAlgorithms.SHA256, 32, NONCE, false, null)))).isEmpty();
        assertThat(certificates(onlyTsa.respond(request(TSPAlgorithms.SHA256, 32, NONCE, true, null)))).containsExactly(tsa.certificate());
        assertThat(certificates(withChain.respond(request(TSPAlgorithms.SHA256, 32, NONCE, false, null)))).isEmpty();
        assertThat(certificates(withChain.respond(request(TSPAlgorithms.SHA256, 32, NONCE, true, null))))
                .containsExactlyInAnyOrderElementsOf(chain);
    }

    @Test
    void respondWhenNoNonceAndTheTsaPolicyNamedThenGrantedWithoutNonce() throws Exception {
        TimeStampTokenInfo info = granted(authority.respond(request(TSPAlgorithms.SHA384, 48, null, false, TestTsa.POLICY)))
                .getTimeStampToken().getTimeStampInfo();

        assertThat(info.getNonce()).isNull();
        assertThat(info.getPolicy()).isEqualTo(TestTsa.POLICY);
    }

    @Test
    void respondWhenAccuracyBelowASecondThenGenTimeInMillisecondsAndAccuracyInMillis() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusNanos(123_456_789);
        TimeStampAuthority precise = authority(SETTINGS.withAccuracy(Duration.ofMillis(500)), Clock.fixed(now, ZoneOffset.UTC));

        TimeStampTokenInfo info = granted(precise.respond(request(TSPAlgorithms.SHA256, 32, NONCE, false, null)))
                .getTimeStampToken().getTimeStampInfo();

        assertThat(info.getGenTime()).isEqualTo(now.truncatedTo(ChronoUnit.MILLIS));
        assertThat(info.toASN1Structure().getGenTime().getTimeString()).endsWith(".123Z");
        assertThat(info.getGenTimeAccuracy().getSeconds()).isZero();
        assertThat(info.getGenTimeAccuracy().getMillis()).isEqualTo(500);
    }

    @Test
    void respondWhenGarbageTruncatedOrOversizedThenBadRequest() throws Exception {
        byte[] good = request(TSPAlgorithms.SHA256, 32, NONCE, true, null);
        byte[] truncated = Arrays.copyOf(good, good.length - 5);
        byte[] trailing = Arrays.copyOf(good, good.length + 2);
        byte[] oversized = new byte[TimeStampSettings.DEFAULT_MAX_REQUEST_BYTES + 1];
        System.arraycopy(good, 0, oversized, 0, good.length);

        for (byte[] bad : new byte[][] {null, new byte[0], "GET / HTTP/1.1".getBytes(), truncated, trailing, oversized}) {
            TimeStampOutcome outcome = authority.answer(bad);
            rejected(outcome.response(), PKIFailureInfo.badRequest);
            assertThat(outcome.failure()).isEqualTo(TimeStampFailure.BAD_REQUEST);
        }
    }

    @Test
    void respondWhenSha1Md5OrSm3NotAcceptedThenBadAlg() throws Exception {
        rejected(authority.respond(request(TSPAlgorithms.SHA1, 20, NONCE, false, null)), PKIFailureInfo.badAlg);
        rejected(authority.respond(request(TSPAlgorithms.MD5, 16, NONCE, false, null)), PKIFailureInfo.badAlg);
        TimeStampAuthority withoutSm3 = authority(SETTINGS.withAcceptedDigests(Set.of(ImprintDigests.SHA256)), Clock.systemUTC());
        rejected(withoutSm3.respond(request(ImprintDigests.SM3, 32, NONCE, false, null)), PKIFailureInfo.badAlg);
        assertThat(new TimeStampResponse(authority.respond(request(TSPAlgorithms.SHA1, 20, NONCE, false, null))).getStatusString())
                .contains(OIWObjectIdentifiers.idSHA1.getId());
    }

    @Test
    void respondWhenSm3AcceptedThenGranted() throws Exception {
        TimeStampAuthority withSm3 = authority(SETTINGS.withAcceptedDigests(Set.of(ImprintDigests.SHA256, ImprintDigests.SM3)),
                Clock.systemUTC());

        granted(withSm3.respond(request(ImprintDigests.SM3, 32, NONCE, false, null)));
        rejected(withSm3.respond(request(TSPAlgorithms.SHA512, 64, NONCE, false, null)), PKIFailureInfo.badAlg);
    }

    @Test
    void respondWhenHashedMessageLengthDoesNotFitTheAlgorithmThenBadAlg() throws Exception {
        rejected(authority.respond(request(TSPAlgorithms.SHA256, 31, NONCE, false, null)), PKIFailureInfo.badAlg);
        rejected(authority.respond(request(TSPAlgorithms.SHA256, 64, NONCE, false, null)), PKIFailureInfo.badAlg);
        rejected(authority.respond(request(TSPAlgorithms.SHA512, 32, NONCE, false, null)), PKIFailureInfo.badAlg);
        rejected(authority.respond(request(TSPAlgorithms.SHA384, 0, NONCE, false, null)), PKIFailureInfo.badAlg);
    }

    @Test
    void respondWhenOtherPolicyThenUnacceptedPolicy() throws Exception {
        TimeStampOutcome outcome = authority.answer(request(TSPAlgorithms.SHA256, 32, NONCE, false, TestTsa.OTHER_POLICY));

        rejected(outcome.response(), PKIFailureInfo.unacceptedPolicy);
        assertThat(outcome.statusString()).contains(TestTsa.OTHER_POLICY.getId());
        assertThat(outcome.serialNumber()).isNull();
    }

    @Test
    void respondWhenRequestHasAnExtensionThenUnacceptedExtension() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.addExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"), false, new DEROctetString(new byte[2]));

        rejected(authority.respond(generator.generate(TSPAlgorithms.SHA256, digest(32), NONCE).getEncoded()),
                PKIFailureInfo.unacceptedExtension);
    }

    @Test
    void respondWhenTheKeyCannotSignThenSystemFailureNotAnException() throws Exception {
        AtomicInteger signers = new AtomicInteger();
        SigningKey failing = new DelegatingKey(TSA.signingKey()) {
            @Override
            public ContentSigner newContentSigner() {
                if (signers.incrementAndGet() > 1) {
                    throw new IllegalStateException("the HSM went away");
                }
                return super.newContentSigner();
            }
        };
        TimeStampAuthority broken = new TimeStampAuthority(failing, List.of(TSA.certificate()), SETTINGS, Clock.systemUTC());

        TimeStampOutcome outcome = broken.answer(request(TSPAlgorithms.SHA256, 32, NONCE, false, null));

        rejected(outcome.response(), PKIFailureInfo.systemFailure);
        assertThat(outcome.statusString()).doesNotContain("HSM");
    }

    @Test
    void respondWhenTheClockIsOutsideTheTsaCertificateValidityThenSystemFailure() throws Exception {
        Instant late = TSA.certificate().getNotAfter().toInstant().plus(Duration.ofDays(1));

        rejected(authority(SETTINGS, Clock.fixed(late, ZoneOffset.UTC)).respond(request(TSPAlgorithms.SHA256, 32, NONCE, false, null)),
                PKIFailureInfo.systemFailure);
    }

    @Test
    void respondThenSerialsOfAThousandStampsAreDistinct() throws Exception {
        byte[] request = request(TSPAlgorithms.SHA256, 32, NONCE, false, null);
        Set<BigInteger> serials = ConcurrentHashMap.newKeySet();
        AtomicInteger granted = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    TimeStampOutcome outcome = authority.answer(request);
                    serials.add(outcome.serialNumber());
                    if (outcome.granted()) {
                        granted.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(granted).hasValue(1000);
        assertThat(serials).hasSize(1000).doesNotContainNull();
    }

    @Test
    void constructWhenCertificateIsNotATsaCertificateThenRefused() {
        Extension nonCritical = Extensions.nonCritical(Extension.extendedKeyUsage, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        Extension twoPurposes = Extensions.critical(Extension.extendedKeyUsage,
                new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_timeStamping, KeyPurposeId.id_kp_clientAuth}));
        Extension otherPurpose = Extensions.critical(Extension.extendedKeyUsage, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning));
        List<TestCertificates.Issued> wrong = new ArrayList<>();
        for (Extension eku : List.of(nonCritical, twoPurposes, otherPurpose)) {
            wrong.add(TestCertificates.issue(ROOT, KeyAlgorithm.EC_P256, "CN=Not A TSA", TestTsa.tsaExtensions(eku)));
        }
        wrong.add(TestCertificates.issue(ROOT, KeyAlgorithm.EC_P256, "CN=Not A TSA", TestCertificates.caExtensions()));
        wrong.add(TestCertificates.leaf(ROOT, KeyAlgorithm.EC_P256, "CN=Client"));

        for (TestCertificates.Issued certificate : wrong) {
            assertThatThrownBy(() -> new TimeStampAuthority(certificate.signingKey(), List.of(certificate.certificate()), SETTINGS,
                    Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RFC 3161 2.3");
        }
    }

    @Test
    void constructWhenKeyIsNotTheCertificatesOrChainIsBrokenThenRefused() {
        TestCertificates.Issued other = TestTsa.tsa(ROOT, KeyAlgorithm.EC_P256);
        TestCertificates.Issued unrelated = TestCertificates.root(KeyAlgorithm.EC_P256, "CN=Unrelated");

        assertThatThrownBy(() -> new TimeStampAuthority(other.signingKey(), List.of(TSA.certificate()), SETTINGS, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not for key");
        assertThatThrownBy(() -> new TimeStampAuthority(TSA.signingKey(), List.of(TSA.certificate(), unrelated.certificate()), SETTINGS,
                Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the issuer");
        assertThatThrownBy(() -> new TimeStampAuthority(TSA.signingKey(), List.of(), SETTINGS, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsWhenUnknownDigestOrBadAccuracyThenRefused() {
        assertThatThrownBy(() -> SETTINGS.withAcceptedDigests(Set.of(OIWObjectIdentifiers.idSHA1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SETTINGS.withAcceptedDigests(Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SETTINGS.withAccuracy(Duration.ofNanos(1500))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SETTINGS.withAccuracy(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(SETTINGS.withAccuracy(Duration.ZERO).accuracy()).isZero();
    }

    @Test
    void respondWhenAccuracyZeroThenNoAccuracyField() throws Exception {
        TimeStampTokenInfo info = granted(authority(SETTINGS.withAccuracy(Duration.ZERO), Clock.systemUTC())
                .respond(request(TSPAlgorithms.SHA256, 32, NONCE, false, null))).getTimeStampToken().getTimeStampInfo();

        assertThat(info.getGenTimeAccuracy()).isNull();
    }

    @Test
    void respondWhenRsaOrEd25519KeyThenTheTokenNamesTheKeysAlgorithms() throws Exception {
        for (KeyAlgorithm algorithm : List.of(KeyAlgorithm.RSA_2048, KeyAlgorithm.ED25519, KeyAlgorithm.EC_P384)) {
            TestCertificates.Issued tsa = TestTsa.tsa(ROOT, algorithm);
            TimeStampAuthority other = new TimeStampAuthority(tsa.signingKey(), List.of(tsa.certificate()), SETTINGS, Clock.systemUTC());

            TimeStampToken token = new TimeStampResponse(other.respond(request(TSPAlgorithms.SHA256, 32, NONCE, false, null)))
                    .getTimeStampToken();

            token.validate(verifier(tsa.certificate()));
            String digest = token.toCMSSignedData().getSignerInfos().getSigners().iterator().next().getDigestAlgOID();
            assertThat(digest).as(algorithm.id()).isEqualTo(switch (algorithm) {
                case ED25519 -> NISTObjectIdentifiers.id_sha512.getId();
                case EC_P384 -> NISTObjectIdentifiers.id_sha384.getId();
                default -> NISTObjectIdentifiers.id_sha256.getId();
            });
        }
    }

    private static TimeStampAuthority authority(TimeStampSettings settings, Clock clock) {
        return new TimeStampAuthority(TSA.signingKey(), List.of(TSA.certificate()), settings, clock);
    }

    static byte[] request(ASN1ObjectIdentifier digestAlgorithm, int length, BigInteger nonce, boolean certReq,
            ASN1ObjectIdentifier policy) throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(certReq);
        if (policy != null) {
            generator.setReqPolicy(policy);
        }
        return nonce == null
                ? generator.generate(digestAlgorithm, digest(length)).getEncoded()
                : generator.generate(digestAlgorithm, digest(length), nonce).getEncoded();
    }

    private static byte[] digest(int length) {
        byte[] digest = new byte[length];
        for (int i = 0; i < length; i++) {
            digest[i] = (byte) (i * 7 + 1);
        }
        return digest;
    }

    private static TimeStampResponse granted(byte[] reply) throws Exception {
        TimeStampResponse response = new TimeStampResponse(reply);
        assertThat(response.getStatus()).as(response.getStatusString()).isEqualTo(PKIStatus.GRANTED);
        response.getTimeStampToken().validate(verifier(TSA.certificate()));
        return response;
    }

    private static void rejected(byte[] reply, int failInfo) throws Exception {
        TimeStampResponse response = new TimeStampResponse(reply);
        assertThat(response.getStatus()).isEqualTo(PKIStatus.REJECTION);
        assertThat(response.getFailInfo().intValue()).isEqualTo(failInfo);
        assertThat(response.getStatusString()).isNotBlank();
        assertThat(response.getTimeStampToken()).isNull();
    }

    private static List<X509CertificateHolder> certificates(byte[] reply) throws Exception {
        return new ArrayList<>(new TimeStampResponse(reply).getTimeStampToken().getCertificates().getMatches(null));
    }

    private static SignerInformationVerifier verifier(X509CertificateHolder certificate) throws Exception {
        return new JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProviders.bouncyCastle()).build(certificate);
    }

    /** A key that forwards to another; tests override what they break. */
    private static class DelegatingKey implements SigningKey {
        private final SigningKey delegate;

        DelegatingKey(SigningKey delegate) {
            this.delegate = delegate;
        }

        @Override
        public String alias() {
            return delegate.alias();
        }

        @Override
        public KeyAlgorithm algorithm() {
            return delegate.algorithm();
        }

        @Override
        public SubjectPublicKeyInfo publicKeyInfo() {
            return delegate.publicKeyInfo();
        }

        @Override
        public ContentSigner newContentSigner() {
            return delegate.newContentSigner();
        }
    }
}
