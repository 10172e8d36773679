package org.fujie.pki.pades;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * A document between the steps of a signing: in memory (small documents, fastest) or in a file, so that a large
 * document is never held in memory: PDFBox reads it by random access and the incremental updates are appended as
 * the original bytes stream through.
 */
abstract class PdfBytes {

    /** What may follow the last %%EOF: line ends and the stray bytes some writers leave, not a document's worth. */
    private static final int EOF_SLACK = 1024;

    private PdfBytes() {
    }

    static PdfBytes of(byte[] pdf) {
        return new Memory(pdf);
    }

    static PdfBytes of(Path file) {
        return new OnDisk(file);
    }

    abstract RandomAccessRead open() throws IOException;

    abstract long length();

    /** The bytes, for the in-memory kind only. */
    abstract byte[] bytes();

    /**
     * PDFBox rebuilds a cut-off file from the objects it finds even when not lenient; the missing end-of-file marker
     * (ISO 32000-1 7.5.5) gives it away.
     */
    boolean endsWithEof() throws IOException {
        int tail = (int) Math.min(length(), EOF_SLACK);
        byte[] last = new byte[tail];
        try (RandomAccessRead in = open()) {
            in.seek(length() - tail);
            int read = 0;
            while (read < tail) {
                int n = in.read(last, read, tail - read);
                if (n < 0) {
                    return false;
                }
                read += n;
            }
        }
        byte[] eof = "%%EOF".getBytes(StandardCharsets.US_ASCII);
        for (int start = tail - eof.length; start >= 0; start--) {
            if (Arrays.equals(last, start, start + eof.length, eof, 0, eof.length)) {
                return true;
            }
        }
        return false;
    }

    private static final class Memory extends PdfBytes {
        private final byte[] pdf;

        Memory(byte[] pdf) {
            this.pdf = pdf;
        }

        @Override
        RandomAccessRead open() {
            return new RandomAccessReadBuffer(pdf);
        }

        @Override
        long length() {
            return pdf.length;
        }

        @Override
        byte[] bytes() {
            return pdf;
        }
    }

    private static final class OnDisk extends PdfBytes {
        private final Path file;

        OnDisk(Path file) {
            this.file = file;
        }

        @Override
        RandomAccessRead open() throws IOException {
            return new RandomAccessReadBufferedFile(file);
        }

        @Override
        long length() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        byte[] bytes() {
            throw new IllegalStateException("a document on disk is not read into memory");
        }
    }
}
