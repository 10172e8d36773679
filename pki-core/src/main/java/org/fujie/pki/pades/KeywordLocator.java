package org.fujie.pki.pades;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Finds where a keyword is shown on the pages (PDFBox's text extraction), so a seal can be centred on it, as
 * clerks stamp over the organization's name or the date. A keyword is matched within one line of text.
 */
public final class KeywordLocator {

    /** The centre of one occurrence, in PDF user-space points of its page (1-based). */
    public record Occurrence(int page, float centreX, float centreY) {
    }

    private KeywordLocator() {
    }

    /** @param each every occurrence when true, else only the first */
    public static List<Occurrence> find(byte[] pdf, String keyword, boolean each) throws PadesException {
        return find(PdfBytes.of(pdf), keyword, each);
    }

    /** The same for a document in a file, read by random access. */
    public static List<Occurrence> find(java.nio.file.Path pdf, String keyword, boolean each) throws PadesException {
        return find(PdfBytes.of(pdf), keyword, each);
    }

    private static List<Occurrence> find(PdfBytes pdf, String keyword, boolean each) throws PadesException {
        if (keyword == null || keyword.isBlank() || keyword.length() > 64) {
            throw new PadesException("the keyword must be 1 to 64 characters");
        }
        try (PDDocument document = Loader.loadPDF(pdf.open())) {
            if (document.isEncrypted()) {
                throw new PadesException("the document is encrypted");
            }
            Stripper stripper = new Stripper(keyword, each);
            stripper.setSortByPosition(true);
            stripper.getText(document);
            return stripper.found;
        } catch (IOException e) {
            throw new PadesException("the document cannot be read: " + e.getMessage(), e);
        }
    }

    private static final class Stripper extends PDFTextStripper {
        private final String keyword;
        private final boolean each;
        private final List<Occurrence> found = new ArrayList<>();

        Stripper(String keyword, boolean each) {
            this.keyword = keyword;
            this.each = each;
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            if (!each && !found.isEmpty()) {
                return;
            }
            // One TextPosition per extracted character here (ligatures aside), so indexes line up with text.
            for (int at = text.indexOf(keyword); at >= 0 && positions.size() == text.length(); at = text.indexOf(keyword, at + 1)) {
                TextPosition first = positions.get(at);
                TextPosition last = positions.get(at + keyword.length() - 1);
                float pageHeight = getCurrentPage().getCropBox().getHeight();
                float left = first.getXDirAdj();
                float right = last.getXDirAdj() + last.getWidthDirAdj();
                float baseline = pageHeight - first.getYDirAdj();
                found.add(new Occurrence(getCurrentPageNo(), (left + right) / 2, baseline + first.getHeightDir() / 2));
                if (!each) {
                    return;
                }
            }
            super.writeString(text, positions);
        }
    }
}
