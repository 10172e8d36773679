package org.fujie.pki.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.List;

import javax.imageio.ImageIO;

import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.ltv.SigningServiceException;
import org.fujie.pki.pdf.PdfReport;
import org.fujie.pki.pdf.PdfTestPki;
import org.fujie.pki.pdf.Pdfsig;
import org.fujie.pki.pdf.TestPdfs;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PAdES B-B signatures made by {@link PadesSigner}, judged by poppler's pdfsig (NSS), rendered by pdftoppm, and
 * read back by our own verifier.
 */
class PadesSignerTests {

    private static final PdfTestPki PKI = new PdfTestPki("Fujie PAdES Test");

    @TempDir
    Path dir;

    private static List<X509CertificateHolder> chain(Issued signer) {
        return List.of(signer.certificate(), PKI.issuing.certificate(), PKI.root.certificate());
    }

    private static byte[] sign(byte[] pdf, Issued signer, SealAppearance appearance) throws PadesException, SigningServiceException {
        return PadesSigner.baselineB().sign(pdf, signer.signingKey(), chain(signer),
                PadesParameters.baselineB(appearance, "合同审批", Calendar.getInstance()));
    }

    @Test
    void signWhenInvisibleThenBaselineBOurVerifierPassesAndPdfsigFindsItValid() throws Exception {
        byte[] signed = sign(TestPdfs.page("Contract 42"), PKI.signer, null);

        PdfReport report = PKI.verifier().verify(signed);

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures().get(0).level()).isEqualTo(BaselineLevel.B_B);
        assertThat(report.signatures().get(0).format()).isEqualTo("PAdES");
        assumeTrue(Pdfsig.installed(), "pdfsig is not installed");
        String pdfsig = Pdfsig.trusting(dir, PKI.root, PKI.issuing).check(signed);
        // Certificate trust is not asserted here: NSS answers "Unknown issue with Certificate" for this test PKI's signer
        // (as for the DSS-signed files of PdfsigCrossCheckTests); the seal-service tests judge ca-service's certificates.
        assertThat(pdfsig).contains("Signature is Valid.", "Total document signed", "ETSI.CAdES.detached", "Signing Hash Algorithm: SHA-256");
    }

    @Test
    void signWhenVisibleThenTheSealIsDrawnWhereAskedAndTheSignatureCoversIt() throws Exception {
        byte[] signed = sign(TestPdfs.page("Contract 42"), PKI.signer, SealAppearance.at(1, 400, 100, 144, 144, TestSealImages.redDisc()));

        PdfReport report = PKI.verifier().verify(signed);
        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);

        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftoppm")), "pdftoppm is not installed");
        Path pdf = dir.resolve("stamped.pdf");
        Files.write(pdf, signed);
        Process render = new ProcessBuilder("pdftoppm", "-r", "72", "-png", "-singlefile", pdf.toString(), dir.resolve("page").toString())
                .redirectErrorStream(true).start();
        assertThat(render.waitFor()).isZero();
        BufferedImage page = ImageIO.read(dir.resolve("page.png").toFile());
        // 72 dpi: one pixel per point; PDF y grows upwards, image y downwards (US Letter, 792 points high).
        assertThat(red(page.getRGB(400 + 72, 792 - (100 + 72)))).as("centre of the seal").isTrue();
        assertThat(red(page.getRGB(400 + 72, 792 - (100 + 72) - 100))).as("above the seal").isFalse();
        assertThat(red(page.getRGB(100, 400))).as("elsewhere on the page").isFalse();

        if (Pdfsig.installed()) {
            assertThat(Pdfsig.trusting(dir, PKI.root, PKI.issuing).check(signed)).contains("Signature is Valid.");
        }
    }

    @Test
    void signWhenAlreadySignedThenAnIncrementalUpdateLeavesTheEarlierSealValid() throws Exception {
        Issued second = PKI.newSigner("Second Seal");
        byte[] once = sign(TestPdfs.page("Contract 43"), PKI.signer, SealAppearance.at(1, 100, 100, 100, 100, TestSealImages.redDisc()));
        byte[] twice = sign(once, second, SealAppearance.at(1, 300, 100, 100, 100, TestSealImages.redDisc()));

        assertThat(java.util.Arrays.copyOf(twice, once.length)).isEqualTo(once);
        PdfReport report = PKI.verifier().verify(twice);
        assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures()).hasSize(2).allSatisfy(s -> assertThat(s.indication()).isEqualTo(Indication.TOTAL_PASSED));
        if (Pdfsig.installed()) {
            String pdfsig = Pdfsig.trusting(dir, PKI.root, PKI.issuing).check(twice);
            assertThat(pdfsig.split("Signature is Valid.", -1)).hasSize(3);
        }
    }

    @Test
    void signWhenAByteOfThePageIsChangedAfterwardsThenHashFailure() throws Exception {
        byte[] signed = sign(TestPdfs.page("Contract 44"), PKI.signer, null);
        signed[TestPdfs.indexOf(signed, "Contract 44")] = 'K';

        PdfReport report = PKI.verifier().verify(signed);

        assertThat(report.subIndication()).as(report.detail()).isEqualTo(SubIndication.HASH_FAILURE);
    }

    @Test
    void signWhenPlacementImpossibleOrNotAPdfThenPadesExceptionWithTheReason() throws Exception {
        byte[] pdf = TestPdfs.page("Contract 45");
        byte[] png = TestSealImages.redDisc();

        assertThatThrownBy(() -> sign(pdf, PKI.signer, SealAppearance.at(2, 100, 100, 100, 100, png)))
                .isInstanceOf(PadesException.class).hasMessageContaining("page 2 does not exist");
        assertThatThrownBy(() -> sign(pdf, PKI.signer, SealAppearance.at(1, 580, 100, 100, 100, png)))
                .isInstanceOf(PadesException.class).hasMessageContaining("runs off page 1");
        assertThatThrownBy(() -> sign("not a pdf".getBytes(), PKI.signer, null)).isInstanceOf(PadesException.class);
        assertThatThrownBy(() -> sign(pdf, PKI.signer, SealAppearance.at(1, 100, 100, 100, 100, "GIF89a".getBytes())))
                .isInstanceOf(PadesException.class);
    }

    private static boolean red(int argb) {
        int r = argb >> 16 & 0xff;
        int g = argb >> 8 & 0xff;
        int b = argb & 0xff;
        return r > 180 && g < 80 && b < 80;
    }
}
