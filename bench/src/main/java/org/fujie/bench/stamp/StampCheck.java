package org.fujie.bench.stamp;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.pdf.PdfReport;
import org.fujie.pki.pdf.PdfSignatureReport;
import org.fujie.pki.pdf.PdfVerifier;
import org.fujie.pki.validation.Indication;

/**
 * Judges one stamped document, outside any timed loop, so a broken signer cannot look fast: the original bytes are
 * kept and one incremental update added; pki-core's {@link PdfVerifier} answers TOTAL_PASSED for exactly one signature
 * at the level asked (B-T: with a valid signature time-stamp), chain and CRLs checked online; the signature's widget
 * sits on the page and rectangle asked; and PDFBox's renderer draws the red seal inside that rectangle and nowhere else.
 * Any deviation throws.
 */
final class StampCheck {

    private StampCheck() {
    }

    /** @return a one-line description of what was found */
    static String check(String who, byte[] original, byte[] signed, PdfVerifier verifier, BaselineLevel level, Stamper.Place place)
            throws IOException {
        if (signed.length <= original.length || !Arrays.equals(signed, 0, original.length, original, 0, original.length)) {
            fail(who, "the signed document does not start with the original bytes (no incremental update)");
        }
        PdfReport report = verifier.verify(signed);
        if (report.indication() != Indication.TOTAL_PASSED || report.signatures().size() != 1) {
            fail(who, "verifier: " + report.indication() + "/" + report.subIndication() + " with " + report.signatures().size()
                    + " signature(s): " + report.detail());
        }
        PdfSignatureReport signature = report.signatures().get(0);
        boolean stamped = signature.timestamp() != null && signature.timestamp().valid();
        if (signature.level() != level || stamped != (level == BaselineLevel.B_T)) {
            fail(who, "verifier found level " + signature.level().label() + (stamped ? " with" : " without")
                    + " a valid signature time-stamp; asked for " + level.label());
        }
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(signed))) {
            List<PDSignatureField> fields = document.getSignatureFields();
            if (fields.size() != 1 || fields.get(0).getWidgets().size() != 1) {
                fail(who, fields.size() + " signature fields (1 with 1 widget expected)");
            }
            PDAnnotationWidget widget = fields.get(0).getWidgets().get(0);
            PDPage page = document.getPage(place.page() - 1);
            boolean onPage = false;
            for (PDAnnotation annotation : page.getAnnotations()) {
                onPage |= annotation.getCOSObject() == widget.getCOSObject();
            }
            PDRectangle r = widget.getRectangle();
            if (!onPage || Math.abs(r.getLowerLeftX() - place.x()) > 0.5 || Math.abs(r.getLowerLeftY() - place.y()) > 0.5
                    || Math.abs(r.getWidth() - place.width()) > 0.5 || Math.abs(r.getHeight() - place.height()) > 0.5) {
                fail(who, "the widget is " + (onPage ? "" : "not ") + "on page " + place.page() + " at " + r + "; asked for "
                        + place);
            }
            int[] red = redPixels(new PDFRenderer(document).renderImage(place.page() - 1, 1f), place);
            if (red[0] < place.width() * place.height() / 20 || red[1] > 0) {
                fail(who, "rendered page " + place.page() + ": " + red[0] + " red pixels inside the seal's rectangle, " + red[1]
                        + " outside");
            }
            return String.format(Locale.ROOT, "%s: +%,d bytes, verifier %s, 1 signature %s%s, widget page %d [%.0f %.0f %.0f %.0f], "
                    + "%,d red px rendered in it", who, signed.length - original.length, report.indication(), signature.level().label(),
                    stamped ? " (time-stamp valid)" : "", place.page(), r.getLowerLeftX(), r.getLowerLeftY(), r.getWidth(), r.getHeight(), red[0]);
        }
    }

    /** Red pixels of a page rendered at 72 dpi: inside the place, and outside it beyond a 2-point margin. */
    private static int[] redPixels(BufferedImage image, Stamper.Place place) {
        int inside = 0, outside = 0;
        for (int py = 0; py < image.getHeight(); py++) {
            for (int px = 0; px < image.getWidth(); px++) {
                int rgb = image.getRGB(px, py);
                int r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, b = rgb & 0xff;
                if (r < 180 || g > 90 || b > 90) {
                    continue;
                }
                float x = px + 0.5f, y = image.getHeight() - py - 0.5f;  // PDF points, origin bottom-left
                if (x >= place.x() && x <= place.x() + place.width() && y >= place.y() && y <= place.y() + place.height()) {
                    inside++;
                } else if (x < place.x() - 2 || x > place.x() + place.width() + 2 || y < place.y() - 2
                        || y > place.y() + place.height() + 2) {
                    outside++;
                }
            }
        }
        return new int[] {inside, outside};
    }

    private static void fail(String who, String what) {
        throw new IllegalStateException(who + ": sanity check failed: " + what);
    }
}
