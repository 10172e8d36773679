package org.fujie.pki.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.cert.X509CRLHolder;
import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.revocation.CrlTemplate;
import org.fujie.pki.revocation.RevocationReason;
import org.fujie.pki.validation.RevocationFinding.Status;
import org.fujie.pki.validation.RevocationSource.RevocationUnavailableException;
import org.fujie.pki.x509.CertificateSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The CRL client against CRLs signed with pki-core's CrlSigner, served over HTTP. */
class CrlClientTests {

    private static final String CUSTOM = "/crl/custom.crl";

    private final TestPki pki = new TestPki();
    private final HttpFetcher fetcher = new JdkHttpFetcher(Duration.ofSeconds(2), Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        pki.close();
    }

    private CrlClient client(int maxBytes) {
        return new CrlClient(fetcher, new RevocationCache<X509CRLHolder>(10), maxBytes, Duration.ofMinutes(5));
    }

    private Issued leafAskingCustom() {
        return pki.leaf("crl.example", pki.clock.instant().minus(Duration.ofDays(1)), pki.clock.instant().plus(Duration.ofDays(1)),
                TestPki.leafExtensions(null, pki.server.url(CUSTOM), null, TestPki.DOCUMENT_SIGNING));
    }

    private byte[] crlSignedBy(Issued nameOf, Issued keyOf, List<CrlTemplate.Entry> entries) {
        Instant thisUpdate = pki.clock.instant().minus(Duration.ofMinutes(1));
        X509CRLHolder crl = CertificateSigner.forIssuer(nameOf.certificate(), keyOf.signingKey()).crlSigner().sign(
                new CrlTemplate(BigInteger.TEN, thisUpdate, thisUpdate.plus(Duration.ofHours(6)), null, null, null, entries));
        return TestPki.encoded(crl);
    }

    private RevocationFinding check(CrlClient client, Issued leaf) throws RevocationUnavailableException {
        return client.check(leaf.x509(), pki.issuing.x509(), pki.clock.instant());
    }

    @Test
    void checkWhenListedThenRevokedWithTimeAndReason() throws Exception {
        Issued leaf = leafAskingCustom();
        Instant at = pki.clock.instant().minus(Duration.ofHours(3));
        byte[] crl = crlSignedBy(pki.issuing, pki.issuing,
                List.of(new CrlTemplate.Entry(leaf.certificate().getSerialNumber(), at, RevocationReason.AFFILIATION_CHANGED, null)));
        pki.server.handle(CUSTOM, "application/pkix-crl", body -> crl);

        RevocationFinding finding = check(client(1 << 20), leaf);

        assertThat(finding.status()).isEqualTo(Status.REVOKED);
        assertThat(finding.revokedAt()).isEqualTo(at);
        assertThat(finding.reason()).isEqualTo(RevocationReason.AFFILIATION_CHANGED);
        assertThat(finding.nextUpdate()).isEqualTo(finding.thisUpdate().plus(Duration.ofHours(6)));
    }

    @Test
    void checkWhenSignedByAnotherKeyThenRefused() {
        byte[] crl = crlSignedBy(pki.issuing, pki.root, List.of());
        pki.server.handle(CUSTOM, "application/pkix-crl", body -> crl);

        assertThatThrownBy(() -> check(client(1 << 20), leafAskingCustom()))
                .isInstanceOf(RevocationUnavailableException.class).hasMessageContaining("bad signature");
    }

    @Test
    void checkWhenIssuedByAnotherCaThenRefused() {
        byte[] crl = crlSignedBy(pki.root, pki.root, List.of());
        pki.server.handle(CUSTOM, "application/pkix-crl", body -> crl);

        assertThatThrownBy(() -> check(client(1 << 20), leafAskingCustom()))
                .isInstanceOf(RevocationUnavailableException.class).hasMessageContaining("not by the certificate's issuer");
    }

    @Test
    void checkWhenLargerThanTheLimitThenRefused() {
        byte[] crl = crlSignedBy(pki.issuing, pki.issuing, List.of());
        pki.server.handle(CUSTOM, "application/pkix-crl", body -> crl);

        assertThatThrownBy(() -> check(client(crl.length - 1), leafAskingCustom()))
                .isInstanceOf(RevocationUnavailableException.class).hasMessageContaining("larger than");
    }

    @Test
    void checkWhenBodyIsNotACrlThenRefused() {
        pki.server.handle(CUSTOM, "application/pkix-crl", body -> "<html>hello</html>".getBytes());

        assertThatThrownBy(() -> check(client(1 << 20), leafAskingCustom()))
                .isInstanceOf(RevocationUnavailableException.class).hasMessageContaining("is not a CRL");
    }

    @Test
    void checkWhenNoDistributionPointThenUnavailable() {
        Issued leaf = pki.leaf("no-dp.example", pki.clock.instant().minus(Duration.ofDays(1)),
                pki.clock.instant().plus(Duration.ofDays(1)), TestPki.leafExtensions(null, null, null, TestPki.DOCUMENT_SIGNING));

        assertThatThrownBy(() -> check(client(1 << 20), leaf))
                .isInstanceOf(RevocationUnavailableException.class).hasMessageContaining("no CRL distribution point");
    }
}
