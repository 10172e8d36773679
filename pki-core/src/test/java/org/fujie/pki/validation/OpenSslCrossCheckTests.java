package org.fujie.pki.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.fujie.pki.OpenSsl;
import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.revocation.RevocationReason;
import org.fujie.pki.x509.Pem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same certificates and the same CRL bytes, judged by our validator and by {@code openssl verify
 * -crl_check_all}, a validator no one here wrote: the verdicts must agree. The leaves carry only a CRL
 * distribution point and the root's OCSP is down when it matters, so both read the very same CRLs.
 */
class OpenSslCrossCheckTests {

    private final TestPki pki = new TestPki();

    @TempDir
    Path directory;

    @AfterEach
    void stop() {
        pki.close();
    }

    private Issued crlOnlyLeaf(String name) {
        return pki.leaf(name, pki.clock.instant().minus(Duration.ofDays(1)), pki.clock.instant().plus(Duration.ofDays(10)),
                TestPki.leafExtensions(null, pki.server.url(TestPki.ISSUING_CRL), null, TestPki.DOCUMENT_SIGNING));
    }

    private ValidationResult ours(Issued leaf) {
        return pki.validator(ValidationPolicy.defaults(), TrustAnchor.forAllPurposes(pki.root.x509()))
                .validate(ValidationRequest.of(leaf.x509()).withIntermediates(List.of(pki.issuing.x509())));
    }

    private OpenSsl.Result openssl(Issued leaf, Map<String, byte[]> crls) {
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("root.pem", pki.root.pem());
        openssl.write("issuing.pem", pki.issuing.pem());
        openssl.write("leaf.pem", leaf.pem());
        openssl.write("root-crl.pem", Pem.encode("X509 CRL", crls.get(TestPki.ROOT_CRL)));
        openssl.write("issuing-crl.pem", Pem.encode("X509 CRL", crls.get(TestPki.ISSUING_CRL)));
        return openssl.execute("verify", "-crl_check_all", "-CAfile", "root.pem", "-untrusted", "issuing.pem",
                "-CRLfile", "root-crl.pem", "-CRLfile", "issuing-crl.pem", "leaf.pem");
    }

    @Test
    void validWhenNotRevokedByBoth() {
        Issued leaf = crlOnlyLeaf("ok.example");
        Map<String, byte[]> crls = pki.pinCrls();
        pki.server.setDown(TestPki.ROOT_OCSP, true);

        ValidationResult ours = ours(leaf);
        OpenSsl.Result theirs = openssl(leaf, crls);

        assertThat(ours.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(ours.revocation()).extracting(RevocationFinding::source)
                .containsExactly(RevocationFinding.Source.CRL, RevocationFinding.Source.CRL);
        assertThat(theirs.exitCode()).as(theirs.stderr()).isZero();
        assertThat(theirs.stdout()).contains("leaf.pem: OK");
    }

    @Test
    void revokedLeafRejectedByBoth() {
        Issued leaf = crlOnlyLeaf("revoked.example");
        pki.revoke(leaf, pki.clock.instant().minus(Duration.ofHours(1)), RevocationReason.KEY_COMPROMISE);
        Map<String, byte[]> crls = pki.pinCrls();

        ValidationResult ours = ours(leaf);
        OpenSsl.Result theirs = openssl(leaf, crls);

        assertThat(ours.subIndication()).isEqualTo(SubIndication.REVOKED);
        assertThat(theirs.exitCode()).isNotZero();
        assertThat(theirs.stdout() + theirs.stderr()).contains("certificate revoked").contains("error 23 at 0 depth");
    }

    @Test
    void revokedIntermediateRejectedByBoth() {
        Issued leaf = crlOnlyLeaf("orphan.example");
        pki.revoke(pki.issuing, pki.clock.instant().minus(Duration.ofHours(1)), RevocationReason.CA_COMPROMISE);
        Map<String, byte[]> crls = pki.pinCrls();
        pki.server.setDown(TestPki.ROOT_OCSP, true);

        ValidationResult ours = ours(leaf);
        OpenSsl.Result theirs = openssl(leaf, crls);

        assertThat(ours.valid()).isFalse();
        assertThat(ours.subIndication()).isEqualTo(SubIndication.REVOKED_CA_NO_POE);
        assertThat(ours.revocation().get(1).source()).isEqualTo(RevocationFinding.Source.CRL);
        assertThat(theirs.exitCode()).isNotZero();
        assertThat(theirs.stdout() + theirs.stderr()).contains("certificate revoked").contains("error 23 at 1 depth");
    }
}
