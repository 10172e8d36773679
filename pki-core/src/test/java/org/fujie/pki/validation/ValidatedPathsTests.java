package org.fujie.pki.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.fujie.pki.TestCertificates.Issued;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A path that passed is taken as passed again only as it was, and only inside the validity of all its certificates. */
class ValidatedPathsTests {

    private final TestPki pki = new TestPki();

    @AfterEach
    void stop() {
        pki.close();
    }

    @Test
    void passedAtWhenSamePathInsideItsValidityThenTrueElseFalse() {
        Issued leaf = pki.leaf("kept.example");
        List<java.security.cert.X509Certificate> path = List.of(leaf.x509(), pki.issuing.x509(), pki.root.x509());
        ValidatedPaths paths = new ValidatedPaths(10);
        Instant now = Instant.now();
        assertThat(paths.passedAt(path, now)).isFalse();

        paths.remember(path);

        assertThat(paths.passedAt(path, now)).isTrue();
        assertThat(paths.passedAt(path, leaf.x509().getNotAfter().toInstant().plusSeconds(1))).as("past the leaf").isFalse();
        assertThat(paths.passedAt(path, pki.root.x509().getNotBefore().toInstant().minus(Duration.ofDays(1)))).isFalse();
        assertThat(paths.passedAt(List.of(pki.leaf("other.example").x509(), pki.issuing.x509(), pki.root.x509()), now)).isFalse();
        assertThat(paths.passedAt(List.of(leaf.x509(), pki.issuing.x509()), now)).as("another path").isFalse();
    }

    @Test
    void validateWhenPathPassedBeforeThenLaterExpiryStillFails() {
        Issued leaf = pki.leaf("expiring.example");
        List<java.security.cert.X509Certificate> path = List.of(leaf.x509(), pki.issuing.x509(), pki.root.x509());

        assertThat(PkixCheck.validate(path, Instant.now())).isNull();
        assertThat(PkixCheck.VALIDATED.passedAt(path, Instant.now())).isTrue();

        PkixCheck.Failure later = PkixCheck.validate(path, leaf.x509().getNotAfter().toInstant().plus(Duration.ofDays(1)));
        assertThat(later).isNotNull();
        assertThat(later.subIndication()).isEqualTo(SubIndication.EXPIRED);
    }

    @Test
    void signedByWhenVerifiedOnceThenRememberedButAnotherKeyStillFails() {
        Issued leaf = pki.leaf("signed.example");
        VerifiedSignatures signatures = new VerifiedSignatures(10);

        assertThat(signatures.signedBy(leaf.x509(), pki.issuing.x509().getPublicKey())).isTrue();
        assertThat(signatures.signedBy(leaf.x509(), pki.issuing.x509().getPublicKey())).isTrue();
        assertThat(signatures.signedBy(leaf.x509(), pki.root.x509().getPublicKey())).isFalse();
        assertThat(signatures.signedBy(leaf.x509(), pki.root.x509().getPublicKey())).as("failures are not kept").isFalse();
    }
}
