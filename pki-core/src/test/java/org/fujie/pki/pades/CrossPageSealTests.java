package org.fujie.pki.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.List;

import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.dss.ShippedDss;
import org.fujie.pki.pdf.PdfReport;
import org.fujie.pki.pdf.PdfTestPki;
import org.fujie.pki.pdf.Pdfsig;
import org.fujie.pki.pdf.TestPdfs;
import org.fujie.pki.validation.Indication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cross-page seal (骑缝章): one signature whose widgets are the slices of the seal, one against the right edge of
 * each page; rendered by pdftoppm, judged by DSS as shipped, pdfsig and our verifier.
 */
class CrossPageSealTests {

    private static final PdfTestPki PKI = new PdfTestPki("Fujie Cross-Page Test");

    @TempDir
    Path dir;

    @Test
    void signWhenAcrossFourPagesThenEachPageShowsItsSliceAtTheRightEdgeAndOneSignatureCoversAll() throws Exception {
        // A 120-point seal over 4 pages: 30-point slices; page 1 shows the left quarter of the disc, page 4 the right one.
        SealAppearance across = new SealAppearance(List.of(new Placement.AcrossPages(1, 0, 300, 120, 120)), TestSealImages.redDisc());
        byte[] signed = PKI.padesSigner().sign(TestPdfs.pages(4, "Contract 99"), PKI.signer.signingKey(),
                List.of(PKI.signer.certificate(), PKI.issuing.certificate(), PKI.root.certificate()),
                new PadesParameters(BaselineLevel.B_T, across, "骑缝章", Calendar.getInstance()));

        PdfReport ours = PKI.verifier().verify(signed);
        assertThat(ours.indication()).as(ours.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(ours.signatures()).hasSize(1);
        ShippedDss.Report dss = ShippedDss.validate(signed, List.of(PKI.root.certificate().getEncoded()),
                List.of(PKI.crl(PKI.issuing), PKI.crl(PKI.root)));
        assertThat(dss.allPassedAt("PAdES-BASELINE-T")).as(dss.toString()).isTrue();
        if (Pdfsig.installed()) {
            assertThat(Pdfsig.trusting(dir, PKI.root, PKI.issuing).check(signed)).contains("Signature is Valid.", "Total document signed");
        }

        assumeTrue(PageRenderings.installed(), "pdftoppm is not installed");
        float pageWidth = 612;
        float centreY = 300 + 60;
        for (int page = 1; page <= 4; page++) {
            BufferedImage image = PageRenderings.render(signed, page, dir);
            // The disc's centre lies between slices 2 and 3: their inner edges are red at mid-height, the outer slices
            // are red at their inner edge only.
            float innerEdge = page <= 2 ? pageWidth - 2 : pageWidth - 28;
            assertThat(PageRenderings.redAt(image, innerEdge, centreY)).as("page %d slice", page).isTrue();
            assertThat(PageRenderings.redAt(image, pageWidth - 40, centreY)).as("page %d left of its slice", page).isFalse();
            assertThat(PageRenderings.redAt(image, innerEdge, centreY + 100)).as("page %d above the seal", page).isFalse();
        }
    }

    @Test
    void signWhenCrossPageOnOnePageDocumentThenRefused() {
        SealAppearance across = new SealAppearance(List.of(new Placement.AcrossPages(1, 0, 300, 120, 120)), TestSealImages.redDisc());
        assertThatThrownBy(() -> PadesSigner.baselineB().sign(TestPdfs.page("One page"), PKI.signer.signingKey(),
                List.of(PKI.signer.certificate(), PKI.issuing.certificate()), PadesParameters.baselineB(across, null, Calendar.getInstance())))
                .isInstanceOf(PadesException.class).hasMessageContaining("at least two pages");
    }
}
