package org.fujie.pki.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.validation.RevocationFinding.Source;
import org.fujie.pki.validation.RevocationFinding.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Path building, PKIX, time, purpose and input checks of the validator against a real test PKI. */
class CertificateValidatorTests {

    private final TestPki pki = new TestPki();

    @AfterEach
    void stop() {
        pki.close();
    }

    private CertificateValidator validator(ValidationPolicy policy, TrustAnchor... anchors) {
        return pki.validator(policy, anchors);
    }

    private CertificateValidator validator() {
        return pki.validator(ValidationPolicy.defaults(), TrustAnchor.forAllPurposes(pki.root.x509()));
    }

    private ValidationRequest request(Issued leaf) {
        return ValidationRequest.of(leaf.x509()).withIntermediates(List.of(pki.issuing.x509()));
    }

    @Test
    void validateWhenChainGoodThenTotalPassedWithPathAndOcspFindings() {
        Issued leaf = pki.leaf("good.example");

        ValidationResult result = validator().validate(request(leaf).forPurpose(Purpose.DOCUMENT_SIGNING));

        assertThat(result.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(result.subIndication()).isNull();
        assertThat(result.valid()).isTrue();
        assertThat(result.pathSubjects()).containsExactly("CN=good.example,O=Fujie Test",
                "CN=Validation Test Issuing CA,O=Fujie Test", "CN=Validation Test Root,O=Fujie Test");
        assertThat(result.revocation()).hasSize(2).allSatisfy(finding -> {
            assertThat(finding.source()).isEqualTo(Source.OCSP);
            assertThat(finding.status()).isEqualTo(Status.GOOD);
            assertThat(finding.nextUpdate()).isAfter(finding.thisUpdate());
        });
        assertThat(result.revocation().get(0).url()).isEqualTo(pki.server.url(TestPki.ISSUING_OCSP));
        assertThat(result.revocation().get(1).url()).isEqualTo(pki.server.url(TestPki.ROOT_OCSP));
        assertThat(pki.server.count(TestPki.ISSUING_CRL)).isZero();
    }

    @Test
    void validateWhenExpiredThenTotalFailedExpiredOrIndeterminateByPolicy() {
        Instant now = pki.clock.instant();
        Issued leaf = pki.leaf("expired.example", now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)),
                TestPki.leafExtensions(pki.server.url(TestPki.ISSUING_OCSP), null, null, TestPki.DOCUMENT_SIGNING));

        ValidationResult strict = validator().validate(request(leaf));
        ValidationResult en319102 = validator(ValidationPolicy.defaults().withExpiredIsTotalFailure(false),
                TrustAnchor.forAllPurposes(pki.root.x509())).validate(request(leaf));

        assertThat(strict.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(strict.subIndication()).isEqualTo(SubIndication.EXPIRED);
        assertThat(strict.detail()).startsWith("the certificate:");
        assertThat(en319102.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(en319102.subIndication()).isEqualTo(SubIndication.OUT_OF_BOUNDS_NO_POE);
        assertThat(pki.server.count(TestPki.ISSUING_OCSP)).isZero();
    }

    @Test
    void validateWhenNotYetValidThenTotalFailedNotYetValid() {
        Instant now = pki.clock.instant();
        Issued leaf = pki.leaf("future.example", now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(10)),
                TestPki.leafExtensions(pki.server.url(TestPki.ISSUING_OCSP), null, null, TestPki.DOCUMENT_SIGNING));

        ValidationResult result = validator().validate(request(leaf));

        assertThat(result.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(result.subIndication()).isEqualTo(SubIndication.NOT_YET_VALID);
    }

    @Test
    void validateWhenRootUnknownThenNoCertificateChainFound() {
        Issued leaf = pki.leaf("stranger.example");
        try (TestPki other = new TestPki()) {
            ValidationResult result = validator(ValidationPolicy.defaults(), TrustAnchor.forAllPurposes(other.root.x509()))
                    .validate(request(leaf));

            assertThat(result.indication()).isEqualTo(Indication.INDETERMINATE);
            assertThat(result.subIndication()).isEqualTo(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
            assertThat(result.pathSubjects()).hasSize(2);
            assertThat(result.revocation()).isEmpty();
        }
        assertThat(pki.server.count(TestPki.ISSUING_OCSP)).isZero();
    }

    @Test
    void validateWhenIntermediateMissingThenFetchedFromAllowedCaIssuersHost() {
        Issued leaf = pki.leaf("aia.example");
        ValidationPolicy policy = ValidationPolicy.defaults().withCaIssuersHosts(Set.of("127.0.0.1"));

        ValidationResult result = validator(policy, TrustAnchor.forAllPurposes(pki.root.x509()))
                .validate(ValidationRequest.of(leaf.x509()));

        assertThat(result.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(result.pathSubjects()).hasSize(3);
        assertThat(pki.server.count(TestPki.ISSUING_CERT)).isEqualTo(1);
    }

    @Test
    void validateWhenCaIssuersHostNotAllowedThenNotFetchedAndNoChain() {
        Issued leaf = pki.leaf("aia-denied.example", pki.clock.instant().minus(Duration.ofDays(1)),
                pki.clock.instant().plus(Duration.ofDays(1)), TestPki.leafExtensions(pki.server.url(TestPki.ISSUING_OCSP),
                        null, pki.server.url("localhost", TestPki.ISSUING_CERT), TestPki.DOCUMENT_SIGNING));
        ValidationPolicy policy = ValidationPolicy.defaults().withCaIssuersHosts(Set.of("127.0.0.1"));

        ValidationResult result = validator(policy, TrustAnchor.forAllPurposes(pki.root.x509()))
                .validate(ValidationRequest.of(leaf.x509()));

        assertThat(result.subIndication()).isEqualTo(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
        assertThat(result.detail()).contains("caIssuers host localhost is not allowed");
        assertThat(pki.server.count(TestPki.ISSUING_CERT)).isZero();
    }

    @Test
    void validateWhenAnchorOnlyForTlsThenDocumentSigningLeafHasNoChain() {
        Issued leaf = pki.leaf("signer.example");
        CertificateValidator validator = validator(ValidationPolicy.defaults(),
                TrustAnchor.limitedTo(pki.root.x509(), Purpose.TLS));

        ValidationResult forSigning = validator.validate(request(leaf).forPurpose(Purpose.DOCUMENT_SIGNING));
        ValidationResult forTls = validator.validate(request(leaf).forPurpose(Purpose.TLS_CLIENT));

        assertThat(forSigning.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(forSigning.subIndication()).isEqualTo(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
        assertThat(forSigning.detail()).contains("not trusted for DOCUMENT_SIGNING");
        assertThat(forTls.valid()).isTrue();
    }

    @Test
    void validateWhenLeafLacksRequiredPurposeThenChainConstraintsFailure() {
        Issued leaf = pki.leaf("client-only.example", pki.clock.instant().minus(Duration.ofDays(1)),
                pki.clock.instant().plus(Duration.ofDays(1)), TestPki.leafExtensions(pki.server.url(TestPki.ISSUING_OCSP),
                        null, null, KeyPurposeId.id_kp_clientAuth));

        ValidationResult result = validator().validate(request(leaf).forPurpose(Purpose.TIME_STAMPING));

        assertThat(result.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(result.subIndication()).isEqualTo(SubIndication.CHAIN_CONSTRAINTS_FAILURE);
    }

    @Test
    void validateWhenSignatureInChainBadThenTotalFailedSigCryptoFailure() {
        // Same issuer name and key identifier as the issuing CA, signed by another key.
        Issued impostor = TestPki.issue(pki.root, "CN=Impostor,O=Fujie Test", pki.clock.instant().minus(Duration.ofDays(1)),
                pki.clock.instant().plus(Duration.ofDays(1)), TestPki.caExtensions(null, null));
        Issued forged = TestPki.issue(new Issued(pki.issuing.certificate(), impostor.keyPair(), impostor.signingKey()),
                "CN=forged.example,O=Fujie Test", pki.clock.instant().minus(Duration.ofDays(1)),
                pki.clock.instant().plus(Duration.ofDays(1)), TestPki.leafExtensions(pki.server.url(TestPki.ISSUING_OCSP),
                        null, null, TestPki.DOCUMENT_SIGNING));

        ValidationResult result = validator().validate(request(forged));

        assertThat(result.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(result.subIndication()).isEqualTo(SubIndication.SIG_CRYPTO_FAILURE);
        assertThat(result.pathSubjects()).hasSize(3);
        assertThat(pki.server.count(TestPki.ISSUING_OCSP)).isZero();
    }

    @Test
    void validateWhenTargetIsTheAnchorThenPassesWithoutRevocation() {
        ValidationResult result = validator().validate(ValidationRequest.of(pki.root.x509()));

        assertThat(result.valid()).isTrue();
        assertThat(result.pathSubjects()).containsExactly("CN=Validation Test Root,O=Fujie Test");
        assertThat(result.revocation()).isEmpty();
    }

    @Test
    void validatePemWhenInputIsNotACertificateThenFormatFailure() {
        CertificateValidator validator = validator();

        ValidationResult garbage = validator.validatePem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
                null, null, null);
        ValidationResult huge = validator.validatePem("x".repeat(100_000), null, null, null);
        ValidationResult good = validator.validatePem(pki.leaf("pem.example").pem(), pki.issuing.pem(), null,
                Purpose.DOCUMENT_SIGNING);

        assertThat(garbage.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(garbage.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(huge.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(huge.detail()).contains("larger than");
        assertThat(good.valid()).isTrue();
    }
}
