package org.fujie.pki.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;
import org.junit.jupiter.api.Test;

import eu.europa.esig.dss.enumerations.CertificationPermission;
import eu.europa.esig.dss.enumerations.SignatureLevel;

/** What incremental updates after signing may do: DocMDP P (certification signatures), further signatures, hidden content. */
class PdfVerifierModificationTests {

    private static final PdfTestPki PKI = new PdfTestPki("Modification");

    private static byte[] certified(CertificationPermission permission) {
        return DssPdf.sign(TestPdfs.page("Contract"), PKI, PKI.signer, SignatureLevel.PAdES_BASELINE_B, new Date(), permission);
    }

    @Test
    void verifyWhenCertifiedNoChangesAndANoteIsAddedThenTotalFailed() {
        byte[] pdf = Updates.append(certified(CertificationPermission.NO_CHANGE_PERMITTED), Updates::addNote);

        PdfReport report = PKI.verifier().verify(pdf);

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(report.detail()).contains("Text annotation added");
    }

    @Test
    void verifyWhenCertifiedFormFillAndANoteIsAddedThenTotalFailed() {
        byte[] pdf = Updates.append(certified(CertificationPermission.MINIMAL_CHANGES_PERMITTED), Updates::addNote);

        assertThat(PKI.verifier().verify(pdf).indication()).isEqualTo(Indication.TOTAL_FAILED);
    }

    @Test
    void verifyWhenCertifiedAnnotationsAndANoteIsAddedThenTotalPassed() {
        byte[] pdf = Updates.append(certified(CertificationPermission.CHANGES_PERMITTED), Updates::addNote);

        PdfReport report = PKI.verifier().verify(pdf);

        assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void verifyWhenASecondSignatureFollowsAnApprovalSignatureThenBothPassLikeDss() {
        byte[] once = DssPdf.sign(TestPdfs.page("Minutes"), PKI, PKI.signer, SignatureLevel.PAdES_BASELINE_B, new Date());
        byte[] twice = DssPdf.sign(once, PKI, PKI.newSigner("Li Si"), SignatureLevel.PAdES_BASELINE_B, new Date());

        PdfReport report = PKI.verifier().verify(twice);

        assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures()).hasSize(2);
        PdfSignatureReport first = report.signatures().get(0);
        assertThat(first.coversWholeDocument()).isFalse();
        assertThat(first.modifications()).isNotEmpty().allMatch(Modification::allowed)
                .anyMatch(m -> m.kind() == Modification.Kind.SIGNATURE);
        assertThat(report.signatures().get(1).coversWholeDocument()).isTrue();
        assertThat(DssPdf.validate(twice, PKI).indication().name()).isEqualTo("TOTAL_PASSED");
    }

    @Test
    void verifyWhenCertifiedFormFillAndAFieldIsFilledThenTotalPassed() {
        byte[] certified = DssPdf.sign(TestPdfs.form("100"), PKI, PKI.signer, SignatureLevel.PAdES_BASELINE_B, new Date(),
                CertificationPermission.MINIMAL_CHANGES_PERMITTED);
        byte[] filled = Updates.append(certified, d -> Updates.fill(d, "900"));

        PdfReport report = PKI.verifier().verify(filled);

        assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures().get(0).modifications()).isNotEmpty().allMatch(Modification::allowed)
                .anyMatch(m -> m.kind() == Modification.Kind.FORM_FILL);
    }

    @Test
    void verifyWhenCertifiedNoChangesAndAFieldIsFilledThenTotalFailed() {
        byte[] certified = DssPdf.sign(TestPdfs.form("100"), PKI, PKI.signer, SignatureLevel.PAdES_BASELINE_B, new Date(),
                CertificationPermission.NO_CHANGE_PERMITTED);
        byte[] filled = Updates.append(certified, d -> Updates.fill(d, "900"));

        assertThat(PKI.verifier().verify(filled).indication()).isEqualTo(Indication.TOTAL_FAILED);
    }

    @Test
    void verifyWhenAFieldTheSignatureLocksIsFilledThenTotalFailed() {
        byte[] signed = DssPdf.sign(TestPdfs.form("100", true), PKI, PKI.signer, SignatureLevel.PAdES_BASELINE_B, new Date(),
                null, "sig");
        byte[] filled = Updates.append(signed, d -> Updates.fill(d, "amount", "900"));

        PdfReport report = PKI.verifier().verify(filled);

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.detail()).contains("amount", "locked");
    }

    @Test
    void verifyWhenAFieldTheSignatureLeavesOpenIsFilledThenTotalPassed() {
        byte[] signed = DssPdf.sign(TestPdfs.form("100", true), PKI, PKI.signer, SignatureLevel.PAdES_BASELINE_B, new Date(),
                null, "sig");
        byte[] filled = Updates.append(signed, d -> Updates.fill(d, "note", "checked"));

        PdfReport report = PKI.verifier().verify(filled);

        assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures().get(0).id()).isEqualTo("sig");
    }

    @Test
    void verifyWhenAnOverlayPresentAtSigningIsRemovedThenTotalFailed() {
        byte[] signed = DssPdf.sign(TestPdfs.pageWithOverlay("Pay 100 yuan"), PKI, PKI.signer, SignatureLevel.PAdES_BASELINE_B,
                new Date());
        byte[] uncovered = Updates.append(signed, Updates::removeAnnotations);

        PdfReport report = PKI.verifier().verify(uncovered);

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.detail()).contains("was removed");
    }
}
