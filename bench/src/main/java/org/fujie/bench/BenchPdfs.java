package org.fujie.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** The unsigned PDFs the benchmarks work on, written by PDFBox; the same arguments give the same bytes. */
public final class BenchPdfs {

    /** Sides of each page image of {@link #large}: 2,000 x 1,667 RGB pixels, 10,002,000 bytes. */
    private static final int IMAGE_WIDTH = 2000;
    private static final int IMAGE_HEIGHT = 1667;

    private BenchPdfs() {
    }

    /** Seeds the trailer's /ID, which PDFBox otherwise derives from the clock. */
    private static final long DOCUMENT_ID = 20261125L;

    /** Letter pages, each with a heading and 40 lines of Helvetica text (PDFBox, default compression). */
    public static byte[] text(int pages, String title) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.setDocumentId(DOCUMENT_ID);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 1; p <= pages; p++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 16);
                    content.newLineAtOffset(72, 720);
                    content.showText(title + ", page " + p + " of " + pages);
                    content.setFont(font, 11);
                    for (int line = 0; line < 40; line++) {
                        content.newLineAtOffset(0, -15);
                        content.showText("Line " + (line + 1) + ": the quick brown fox jumps over the lazy dog, contract clause " + p + "." + line);
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }

    /**
     * A large PDF: Letter pages, each filled with one image of pseudo-random RGB pixels (seeded, so deterministic) stored
     * without a filter, so the file cannot be compressed and is as large as its pixels; 10 pages make 100,020,000 bytes of
     * image data. Written straight to {@code out}.
     */
    public static void large(int pages, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.setDocumentId(DOCUMENT_ID);
            Random random = new Random(DOCUMENT_ID);
            byte[] pixels = new byte[IMAGE_WIDTH * IMAGE_HEIGHT * 3];
            for (int p = 1; p <= pages; p++) {
                PDPage page = new PDPage();
                document.addPage(page);
                random.nextBytes(pixels);
                PDImageXObject image = new PDImageXObject(document, new ByteArrayInputStream(pixels), null, IMAGE_WIDTH,
                        IMAGE_HEIGHT, 8, PDDeviceRGB.INSTANCE);
                PDRectangle box = page.getMediaBox();
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(image, 36, 36, box.getWidth() - 72, (box.getWidth() - 72) * IMAGE_HEIGHT / IMAGE_WIDTH);
                }
            }
            document.save(out);
        }
    }
}
