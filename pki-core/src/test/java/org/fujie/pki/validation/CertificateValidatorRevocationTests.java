package org.fujie.pki.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.revocation.RevocationReason;
import org.fujie.pki.validation.RevocationFinding.Source;
import org.fujie.pki.validation.RevocationFinding.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Revocation by OCSP then CRL, its timing rules and its cache, through the validator, against a real test PKI. */
class CertificateValidatorRevocationTests {

    private final TestPki pki = new TestPki();

    @AfterEach
    void stop() {
        pki.close();
    }

    private CertificateValidator validator() {
        return pki.validator(ValidationPolicy.defaults(), TrustAnchor.forAllPurposes(pki.root.x509()));
    }

    private ValidationRequest request(Issued leaf) {
        return ValidationRequest.of(leaf.x509()).withIntermediates(List.of(pki.issuing.x509()));
    }

    @Test
    void validateWhenOcspSaysRevokedThenTotalFailedRevoked() {
        Issued leaf = pki.leaf("revoked.example");
        Instant revokedAt = pki.clock.instant().minus(Duration.ofHours(2));
        pki.revoke(leaf, revokedAt, RevocationReason.KEY_COMPROMISE);

        ValidationResult result = validator().validate(request(leaf));

        assertThat(result.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(result.subIndication()).isEqualTo(SubIndication.REVOKED);
        RevocationFinding finding = result.revocation().get(0);
        assertThat(finding.source()).isEqualTo(Source.OCSP);
        assertThat(finding.status()).isEqualTo(Status.REVOKED);
        assertThat(finding.revokedAt()).isEqualTo(revokedAt);
        assertThat(finding.reason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
    }

    @Test
    void validateWhenOcspUnreachableThenCrlFallbackFindsRevocation() {
        Issued leaf = pki.leaf("fallback.example");
        pki.revoke(leaf, pki.clock.instant().minus(Duration.ofHours(1)), RevocationReason.SUPERSEDED);
        pki.server.setDown(TestPki.ISSUING_OCSP, true);

        ValidationResult result = validator().validate(request(leaf));

        assertThat(result.subIndication()).isEqualTo(SubIndication.REVOKED);
        RevocationFinding finding = result.revocation().get(0);
        assertThat(finding.source()).isEqualTo(Source.CRL);
        assertThat(finding.reason()).isEqualTo(RevocationReason.SUPERSEDED);
        assertThat(finding.url()).isEqualTo(pki.server.url(TestPki.ISSUING_CRL));
        assertThat(pki.server.count(TestPki.ISSUING_OCSP)).isEqualTo(1);
    }

    @Test
    void validateWhenNoRevocationSourceAnswersThenIndeterminateTryLater() {
        Issued leaf = pki.leaf("dark.example");
        pki.server.setDown(TestPki.ISSUING_OCSP, true);
        pki.server.setDown(TestPki.ISSUING_CRL, true);

        ValidationResult result = validator().validate(request(leaf));

        assertThat(result.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(result.subIndication()).isEqualTo(SubIndication.TRY_LATER);
        assertThat(result.revocation().get(0).source()).isEqualTo(Source.NONE);
        assertThat(result.revocation().get(0).detail()).contains("503");
    }

    @Test
    void validateWhenRevokedAfterValidationTimeThenPassesAndReportsRevocation() {
        Issued leaf = pki.leaf("later.example");
        Instant revokedAt = pki.clock.instant().minus(Duration.ofHours(1));
        pki.revoke(leaf, revokedAt, RevocationReason.KEY_COMPROMISE);

        ValidationResult result = validator().validate(request(leaf).at(revokedAt.minus(Duration.ofHours(3))));

        assertThat(result.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(result.revocation().get(0).status()).isEqualTo(Status.REVOKED);
        assertThat(result.revocation().get(0).revokedAt()).isEqualTo(revokedAt);
        assertThat(result.revocation().get(0).detail()).contains("after the validation time");
    }

    @Test
    void validateWhenAskedAgainThenCacheAnswersUntilNextUpdate() {
        Issued leaf = pki.leaf("cached.example");
        CertificateValidator validator = validator();

        assertThat(validator.validate(request(leaf)).valid()).isTrue();
        pki.clock.advance(Duration.ofMinutes(50));
        assertThat(validator.validate(request(leaf)).valid()).isTrue();
        assertThat(pki.server.count(TestPki.ISSUING_OCSP)).isEqualTo(1);
        assertThat(pki.server.count(TestPki.ROOT_OCSP)).isEqualTo(1);

        pki.clock.advance(Duration.ofMinutes(11)); // past nextUpdate (thisUpdate was a minute before the start, plus one hour)
        assertThat(validator.validate(request(leaf)).valid()).isTrue();
        assertThat(pki.server.count(TestPki.ISSUING_OCSP)).isEqualTo(2);
    }

    @Test
    void validateWhenCrlCachedThenFetchedOnceUntilNextUpdate() {
        Issued leaf = pki.leaf("crl-cached.example");
        pki.server.setDown(TestPki.ISSUING_OCSP, true);
        CertificateValidator validator = validator();

        assertThat(validator.validate(request(leaf)).valid()).isTrue();
        assertThat(validator.validate(request(leaf)).valid()).isTrue();
        assertThat(pki.server.count(TestPki.ISSUING_CRL)).isEqualTo(1);
        assertThat(pki.server.count(TestPki.ISSUING_OCSP)).isEqualTo(2);

        pki.clock.advance(Duration.ofDays(1));
        assertThat(validator.validate(request(leaf)).valid()).isTrue();
        assertThat(pki.server.count(TestPki.ISSUING_CRL)).isEqualTo(2);
    }

    @Test
    void validateWhenRevocationInformationStaleThenRevocationOutOfBounds() {
        Issued leaf = pki.leaf("stale.example");
        pki.age = Duration.ofDays(2); // both OCSP (1 h) and CRL (1 day) answers expired before now

        ValidationResult result = validator().validate(request(leaf));

        assertThat(result.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(result.subIndication()).isEqualTo(SubIndication.REVOCATION_OUT_OF_BOUNDS_NO_POE);
        assertThat(result.revocation().get(0).nextUpdate()).isBefore(pki.clock.instant());
    }

    @Test
    void validateWhenStaleInformationListsOldRevocationThenStillRevoked() {
        Issued leaf = pki.leaf("stale-revoked.example");
        pki.revoke(leaf, pki.clock.instant().minus(Duration.ofDays(3)), RevocationReason.KEY_COMPROMISE);
        pki.age = Duration.ofDays(2);

        assertThat(validator().validate(request(leaf)).subIndication()).isEqualTo(SubIndication.REVOKED);
    }

    @Test
    void validateWhenIntermediateRevokedThenRevokedCaNoPoe() {
        Issued leaf = pki.leaf("orphan.example");
        pki.revoke(pki.issuing, pki.clock.instant().minus(Duration.ofHours(1)), RevocationReason.CA_COMPROMISE);

        ValidationResult result = validator().validate(request(leaf));

        assertThat(result.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(result.subIndication()).isEqualTo(SubIndication.REVOKED_CA_NO_POE);
        assertThat(result.revocation().get(1).status()).isEqualTo(Status.REVOKED);
    }

    @Test
    void validateWhenDeltaCrlListsRevocationThenRevoked() {
        Issued leaf = pki.leaf("delta.example");
        pki.server.setDown(TestPki.ISSUING_OCSP, true);
        pki.publishDelta = true;
        pki.revokeOnDelta(leaf, pki.clock.instant().minus(Duration.ofMinutes(30)), RevocationReason.KEY_COMPROMISE);

        ValidationResult result = validator().validate(request(leaf));

        assertThat(result.subIndication()).isEqualTo(SubIndication.REVOKED);
        assertThat(result.revocation().get(0).url()).isEqualTo(pki.server.url(TestPki.ISSUING_DELTA_CRL));
        assertThat(result.revocation().get(0).detail()).contains("delta CRL");
    }

    @Test
    void validateWhenCertificateHasOcspNoCheckThenItsRevocationIsNotChecked() {
        ValidationResult result = validator().validate(request(pki.responder));

        assertThat(result.valid()).isTrue();
        assertThat(result.revocation().get(0).source()).isEqualTo(Source.NONE);
        assertThat(result.revocation().get(0).detail()).contains("id-pkix-ocsp-nocheck");
        assertThat(result.revocation().get(1).status()).isEqualTo(Status.GOOD);
    }
}
