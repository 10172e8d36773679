package org.fujie.pki.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Calendar;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.dss.ShippedDss;
import org.fujie.pki.pdf.PdfReport;
import org.fujie.pki.pdf.PdfTestPki;
import org.fujie.pki.pdf.TestPdfs;
import org.fujie.pki.validation.Indication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The first seal certifying the document (DocMDP), judged by DSS as shipped and by our verifier. */
class CertificationTests {

    private static final PdfTestPki PKI = new PdfTestPki("Fujie Certification Test");

    @Test
    void signWhenFirstSealCertifiesThenDssAndOurVerifierPass() throws Exception {
        byte[] certified = sign(TestPdfs.page("Certified"), PKI.signer, 2, 1);

        ShippedDss.Report dss = dss(certified);
        assertThat(dss.allPassedAt("PAdES-BASELINE-B")).as(dss.toString()).isTrue();
        PdfReport ours = PKI.verifier().verify(certified);
        assertThat(ours.indication()).as(ours.toString()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void signWhenCertifiedWithSigningPermittedThenALaterSealKeepsBothValid(int permission) throws Exception {
        byte[] certified = sign(TestPdfs.page("Certified P" + permission), PKI.signer, permission, 1);
        byte[] twice = sign(certified, PKI.newSigner("Second Seal"), null, 2);

        ShippedDss.Report dss = dss(twice);
        assertThat(dss.signatures()).as(dss.toString()).hasSize(2)
                .allSatisfy(s -> assertThat(s.indication()).as(dss.toString()).isEqualTo("TOTAL_PASSED"));
        PdfReport ours = PKI.verifier().verify(twice);
        assertThat(ours.indication()).as(ours.toString()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void signWhenCertifiedWithNoChangesOrAlreadySignedThenRefused() throws Exception {
        byte[] locked = sign(TestPdfs.page("Certified P1"), PKI.signer, 1, 1);
        assertThatThrownBy(() -> sign(locked, PKI.newSigner("Late Seal"), null, 2))
                .isInstanceOf(PadesException.class).hasMessageContaining("P=1");

        byte[] signed = sign(TestPdfs.page("Approved"), PKI.signer, null, 1);
        assertThatThrownBy(() -> sign(signed, PKI.newSigner("Late Certifier"), 2, 2))
                .isInstanceOf(PadesException.class).hasMessageContaining("only the first seal");
    }

    private static byte[] sign(byte[] pdf, Issued signer, Integer certify, int slot) throws Exception {
        return PadesSigner.baselineB().sign(pdf, signer.signingKey(), chain(signer), new PadesParameters(BaselineLevel.B_B,
                SealAppearance.at(1, 30 + 150 * (slot - 1), 100, 120, 120, TestSealImages.redDisc()), "审批", Calendar.getInstance(), certify));
    }

    private static List<X509CertificateHolder> chain(Issued signer) {
        return List.of(signer.certificate(), PKI.issuing.certificate(), PKI.root.certificate());
    }

    private static ShippedDss.Report dss(byte[] pdf) throws Exception {
        return ShippedDss.validate(pdf, List.of(PKI.root.certificate().getEncoded()), List.of(PKI.crl(PKI.issuing), PKI.crl(PKI.root)));
    }
}
