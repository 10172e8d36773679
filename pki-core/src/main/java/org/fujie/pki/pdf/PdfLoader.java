package org.fujie.pki.pdf;

import java.io.IOException;

import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Opens a PDF (or one revision of it, a prefix of its bytes) with PDFBox: strict parsing (no brute-force
 * repair of a broken file: what a viewer would repair differently is a parser-differential risk), decoded
 * streams in main memory only up to a limit (so no temporary files), and encrypted documents refused.
 */
public final class PdfLoader {

    private PdfLoader() {
    }

    /** A strict parser: PDFBox's lenient mode rebuilds broken cross-reference tables by scanning. */
    private static final class StrictParser extends PDFParser {

        StrictParser(org.apache.pdfbox.io.RandomAccessRead source, long maxMemory) throws IOException {
            super(source, "", null, null, MemoryUsageSetting.setupMainMemoryOnly(maxMemory).streamCache);
            setLenient(false);
        }
    }

    /** The first length bytes as a document; its streams decoded in memory up to maxMemory bytes in all. */
    public static PDDocument load(byte[] bytes, int length, long maxMemory) throws PdfFormatException {
        return load(new RandomAccessReadBuffer(java.nio.ByteBuffer.wrap(bytes, 0, length).slice()), maxMemory);
    }

    /** The document read from the source (which the document closes); decoded streams in memory up to maxMemory. */
    public static PDDocument load(org.apache.pdfbox.io.RandomAccessRead source, long maxMemory) throws PdfFormatException {
        PDDocument document;
        try {
            document = new StrictParser(source, maxMemory).parse();
        } catch (InvalidPasswordException e) {
            closeQuietly(source);
            throw new PdfFormatException("the document is encrypted; encrypted documents are not read");
        } catch (IOException | RuntimeException e) {
            closeQuietly(source);
            throw new PdfFormatException("the document is corrupted: " + e.getMessage());
        }
        if (document.isEncrypted()) {
            close(document);
            throw new PdfFormatException("the document is encrypted; encrypted documents are not read");
        }
        return document;
    }

    private static void closeQuietly(org.apache.pdfbox.io.RandomAccessRead source) {
        try {
            source.close();
        } catch (IOException e) {
            // nothing more to free
        }
    }

    static void close(PDDocument document) {
        try {
            document.close();
        } catch (IOException | RuntimeException e) {
            // nothing more to free
        }
    }
}
