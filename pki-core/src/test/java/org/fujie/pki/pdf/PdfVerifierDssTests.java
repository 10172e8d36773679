package org.fujie.pki.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;
import org.junit.jupiter.api.Test;

import eu.europa.esig.dss.enumerations.SignatureLevel;

/**
 * PDFs signed by an independent implementation (EU DSS 6.3) with the test CA's certificates and pki-core's TSA:
 * our verdict, and DSS's own validator on the same bytes reaching the same indication.
 */
class PdfVerifierDssTests {

    private static final PdfTestPki PKI = new PdfTestPki();

    private static byte[] signed(SignatureLevel level) {
        return DssPdf.sign(TestPdfs.page("Hello, Fujie"), PKI, PKI.signer, level, new Date());
    }

    private static void sameIndicationAsDss(byte[] pdf, PdfReport report) {
        DssPdf.Verdict dss = DssPdf.validate(pdf, PKI);
        assertThat(report.indication().name()).as("DSS says %s/%s %s", dss.indication(), dss.subIndication(), dss.errors())
                .isEqualTo(dss.indication().name());
    }

    @Test
    void verifyWhenDssSignedBaselineBThenTotalPassedAtLevelBB() {
        byte[] pdf = signed(SignatureLevel.PAdES_BASELINE_B);

        PdfReport report = PKI.verifier().verify(pdf);

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        PdfSignatureReport signature = report.signatures().get(0);
        assertThat(signature.format()).isEqualTo("PAdES");
        assertThat(signature.level()).isEqualTo(BaselineLevel.B_B);
        assertThat(signature.integrity()).isTrue();
        assertThat(signature.coversWholeDocument()).isTrue();
        assertThat(signature.signer()).isEqualTo("CN=Zhang San,O=Fujie Test");
        assertThat(signature.chain()).hasSize(3);
        assertThat(signature.timestamp()).isNull();
        sameIndicationAsDss(pdf, report);
    }

    @Test
    void verifyWhenOneByteAlteredThenTotalFailedHashFailure() {
        byte[] pdf = signed(SignatureLevel.PAdES_BASELINE_B);
        int at = TestPdfs.indexOf(pdf, "Hello, Fujie");
        pdf[at] = 'J';

        PdfReport report = PKI.verifier().verify(pdf);

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.subIndication()).as(report.detail()).isEqualTo(SubIndication.HASH_FAILURE);
        assertThat(report.signatures().get(0).integrity()).isFalse();
        sameIndicationAsDss(pdf, report);
        assertThat(DssPdf.validate(pdf, PKI).subIndication().name()).isEqualTo("HASH_FAILURE");
    }

    @Test
    void verifyWhenSignedUnderAnotherCaThenIndeterminateNoCertificateChainFound() {
        PdfTestPki other = new PdfTestPki("Untrusted");
        byte[] pdf = DssPdf.sign(TestPdfs.page("Hello"), other, other.signer, SignatureLevel.PAdES_BASELINE_B, new Date());

        PdfReport report = PKI.verifier().verify(pdf);

        assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(report.subIndication()).as(report.detail()).isEqualTo(SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
        sameIndicationAsDss(pdf, report);
    }

    @Test
    void verifyWhenBaselineTThenSigningTimeIsTheTimeStampsAndLevelBT() {
        Date claimed = Date.from(Instant.now().minus(Duration.ofDays(2)));
        byte[] pdf = DssPdf.sign(TestPdfs.page("Hello, Fujie"), PKI, PKI.signer, SignatureLevel.PAdES_BASELINE_T, claimed);

        PdfReport report = PKI.verifier().verify(pdf);

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        PdfSignatureReport signature = report.signatures().get(0);
        assertThat(signature.level()).isEqualTo(BaselineLevel.B_T);
        assertThat(signature.timestamp().valid()).as(signature.timestamp().detail()).isTrue();
        assertThat(signature.signingTime()).isEqualTo(signature.timestamp().genTime());
        assertThat(signature.claimedSigningTime()).isEqualTo(claimed.toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(signature.signingTime()).isAfter(signature.claimedSigningTime());
        sameIndicationAsDss(pdf, report);
    }

    @Test
    void verifyWhenBaselineLtThenEmbeddedRevocationDataIsUsedOffline() {
        byte[] pdf = signed(SignatureLevel.PAdES_BASELINE_LT);
        PdfReport report;
        PKI.online = false; // the CRL distribution points are unreachable: only the DSS can answer
        try {
            report = PKI.verifier().verify(pdf);
        } finally {
            PKI.online = true;
        }

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        PdfSignatureReport signature = report.signatures().get(0);
        assertThat(signature.revocation()).allSatisfy(f -> assertThat(f.url()).isEqualTo(DssData.URL));
        assertThat(signature.level()).isEqualTo(BaselineLevel.B_LT);
        sameIndicationAsDss(pdf, report);
    }

    @Test
    void verifyWhenBaselineLtaThenLevelBLtaAndTheDocumentTimeStampPasses() {
        byte[] pdf = signed(SignatureLevel.PAdES_BASELINE_LTA);

        PdfReport report = PKI.verifier().verify(pdf);

        assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures()).extracting(PdfSignatureReport::format).contains("PAdES", "DOC-TIMESTAMP");
        PdfSignatureReport signature = report.signatures().stream().filter(s -> s.format().equals("PAdES")).findFirst().orElseThrow();
        assertThat(signature.level()).isEqualTo(BaselineLevel.B_LTA);
        assertThat(signature.coversWholeDocument()).isFalse();
        assertThat(signature.modifications()).allMatch(Modification::allowed);
        sameIndicationAsDss(pdf, report);
    }

    @Test
    void verifyWhenTimeStampedAfterRevocationThenIndeterminateRevokedNoPoeLikeDss() {
        PdfTestPki pki = new PdfTestPki("Revoked");
        pki.revoke(pki.signer, Instant.now().minus(Duration.ofHours(2)));
        byte[] pdf = DssPdf.sign(TestPdfs.page("Hello"), pki, pki.signer, SignatureLevel.PAdES_BASELINE_T, new Date());

        PdfReport report = pki.verifier().verify(pdf);

        assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(report.subIndication()).as(report.detail()).isEqualTo(SubIndication.REVOKED_NO_POE);
        assertThat(report.signatures().get(0).revocation().get(0).status().name()).isEqualTo("REVOKED");
        DssPdf.Verdict dss = DssPdf.validate(pdf, pki);
        assertThat(dss.indication().name() + "/" + dss.subIndication()).isEqualTo("INDETERMINATE/REVOKED_NO_POE");
    }

    @Test
    void verifyWhenSignedWithoutTimeStampAfterRevocationThenIndeterminateRevokedNoPoeLikeDss() {
        PdfTestPki pki = new PdfTestPki("Revoked B-B");
        pki.revoke(pki.signer, Instant.now().minus(Duration.ofHours(2)));
        byte[] pdf = DssPdf.sign(TestPdfs.page("Hello"), pki, pki.signer, SignatureLevel.PAdES_BASELINE_B, new Date());

        PdfReport report = pki.verifier().verify(pdf);

        assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(report.subIndication()).as(report.detail()).isEqualTo(SubIndication.REVOKED_NO_POE);
        DssPdf.Verdict dss = DssPdf.validate(pdf, pki);
        assertThat(dss.indication().name() + "/" + dss.subIndication()).isEqualTo("INDETERMINATE/REVOKED_NO_POE");
    }

    @Test
    void verifyWhenTimeStampedBeforeALaterRevocationThenTotalPassed() throws InterruptedException {
        PdfTestPki pki = new PdfTestPki("Later Revoked");
        byte[] pdf = DssPdf.sign(TestPdfs.page("Hello"), pki, pki.signer, SignatureLevel.PAdES_BASELINE_T, new Date());
        Thread.sleep(2100); // the TSA's genTime has whole seconds: revoke clearly after it
        pki.revoke(pki.signer, Instant.now().minusMillis(100));

        PdfReport report = pki.verifier().verify(pdf);

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures().get(0).revocation().get(0).status().name()).isEqualTo("REVOKED");
        DssPdf.Verdict dss = DssPdf.validate(pdf, pki);
        assertThat(dss.indication().name()).as(dss.toString()).isEqualTo("TOTAL_PASSED");
    }
}
