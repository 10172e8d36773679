package org.fujie.seal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Documents and images for stamping tests. */
public final class TestDocuments {

    private TestDocuments() {
    }

    /** A blank image of the given size and type, as PNG. */
    static byte[] png(int width, int height, int type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, type), "png", out);
        return out.toByteArray();
    }

    /** One Letter page; the title's non-Latin characters are replaced, as Helvetica has none. */
    public static byte[] onePage(String title) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 18);
                content.newLineAtOffset(72, 700);
                content.showText("Reply " + title.codePoints().count() + ": data sharing approved");
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
