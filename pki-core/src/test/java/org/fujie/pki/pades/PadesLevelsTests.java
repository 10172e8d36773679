package org.fujie.pki.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.dss.ShippedDss;
import org.fujie.pki.ltv.SigningServiceException;
import org.fujie.pki.pdf.PdfReport;
import org.fujie.pki.pdf.PdfTestPki;
import org.fujie.pki.pdf.Pdfsig;
import org.fujie.pki.pdf.TestPdfs;
import org.fujie.pki.validation.Indication;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * PAdES B-T, B-LT and B-LTA made by {@link PadesSigner}: DSS as it ships must find each at the level asked and
 * TOTAL_PASSED, our verifier must agree, and poppler's pdfsig must find every signature intact.
 */
class PadesLevelsTests {

    private static final PdfTestPki PKI = new PdfTestPki("Fujie PAdES Levels Test");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = BaselineLevel.class, names = {"B_B", "B_T", "B_LT", "B_LTA"})
    void signWhenLevelAskedThenDssOurVerifierAndPdfsigAgree(BaselineLevel level) throws Exception {
        byte[] signed = sign(TestPdfs.page("Levels " + level), PKI.signer, level, 1);

        // B-B and B-T carry no revocation data: DSS is handed the CAs' CRLs (it fetches nothing).
        ShippedDss.Report dss = level.compareTo(BaselineLevel.B_LT) < 0
                ? ShippedDss.validate(signed, List.of(PKI.root.certificate().getEncoded()), List.of(PKI.crl(PKI.issuing), PKI.crl(PKI.root)))
                : dss(signed);
        assertThat(dss.formats()).as(dss.toString()).containsExactly("PAdES-" + level.label().replace("B-", "BASELINE-"));
        assertThat(dss.signatures().get(0).indication()).as(dss.toString()).isEqualTo("TOTAL_PASSED");
        PdfReport ours = PKI.verifier().verify(signed);
        assertThat(ours.indication()).as(ours.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(ours.signatures().get(0).level()).as(ours.toString()).isEqualTo(level);
        if (Pdfsig.installed()) {
            String pdfsig = Pdfsig.trusting(dir, PKI.root, PKI.issuing).check(signed);
            assertThat(pdfsig.split("Signature is Valid.", -1)).as(pdfsig).hasSize(2);
            if (level == BaselineLevel.B_LTA) {
                // poppler 22 lists the document time-stamp, covering the whole document, but cannot check ETSI.RFC3161
                // ("Unimplemented Feature": its type shows as unknown); DSS checks it above.
                assertThat(pdfsig).contains("Signer Certificate Common Name: Fujie PAdES Levels Test TSA", "Total document signed");
            }
        }
    }

    @Test
    void signWhenThreeSealsAtLtaThenDssPassesAllThree() throws Exception {
        byte[] pdf = TestPdfs.page("Three seals");
        pdf = sign(pdf, PKI.signer, BaselineLevel.B_LTA, 1);
        pdf = sign(pdf, PKI.newSigner("Second Seal"), BaselineLevel.B_LTA, 2);
        pdf = sign(pdf, PKI.newSigner("Third Seal"), BaselineLevel.B_LTA, 3);

        ShippedDss.Report dss = dss(pdf);
        assertThat(dss.signatures()).as(dss.toString()).hasSize(3);
        assertThat(dss.allPassedAt("PAdES-BASELINE-LTA")).as(dss.toString()).isTrue();
        PdfReport ours = PKI.verifier().verify(pdf);
        assertThat(ours.indication()).as(ours.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(ours.signatures()).filteredOn(s -> s.level() == BaselineLevel.B_LTA).hasSize(3);
    }

    @Test
    void signWhenTheSignerIsRevokedThenNoLongTermSignatureIsMade() throws Exception {
        Issued revoked = PKI.newSigner("Revoked Seal");
        PKI.revoke(revoked, Instant.now().minusSeconds(60));

        assertThatThrownBy(() -> sign(TestPdfs.page("Revoked"), revoked, BaselineLevel.B_LT, 1))
                .isInstanceOf(SigningServiceException.class).hasMessageContaining("REVOKED");
    }

    @Test
    void signWhenNoTimeStampAuthorityThenBtIsRefused() {
        assertThatThrownBy(() -> PadesSigner.baselineB().sign(TestPdfs.page("No TSA"), PKI.signer.signingKey(), chain(PKI.signer),
                new PadesParameters(BaselineLevel.B_T, null, null, Calendar.getInstance())))
                .isInstanceOf(PadesException.class).hasMessageContaining("no time-stamp authority");
    }

    private static byte[] sign(byte[] pdf, Issued signer, BaselineLevel level, int slot) throws Exception {
        SealAppearance appearance = SealAppearance.at(1, 30 + 150 * (slot - 1), 100, 120, 120, TestSealImages.redDisc());
        return PKI.padesSigner().sign(pdf, signer.signingKey(), chain(signer),
                new PadesParameters(level, appearance, "合同审批", Calendar.getInstance()));
    }

    private static List<X509CertificateHolder> chain(Issued signer) {
        return List.of(signer.certificate(), PKI.issuing.certificate(), PKI.root.certificate());
    }

    private static ShippedDss.Report dss(byte[] pdf) throws Exception {
        return ShippedDss.validate(pdf, List.of(PKI.root.certificate().getEncoded()), List.of());
    }
}
