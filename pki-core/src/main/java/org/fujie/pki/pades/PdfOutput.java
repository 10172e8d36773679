package org.fujie.pki.pades;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a signing step writes the next revision: memory for a document in memory, a file for one on disk. */
abstract class PdfOutput implements AutoCloseable {

    private PdfOutput() {
    }

    static PdfOutput memory(long expected) {
        return new Memory((int) Math.min(Integer.MAX_VALUE - 16, expected));
    }

    static PdfOutput file(Path file) throws IOException {
        return new ToFile(file);
    }

    abstract OutputStream stream();

    /** The document written, once the stream is complete. */
    abstract PdfBytes written() throws IOException;

    @Override
    public void close() throws IOException {
        stream().close();
    }

    private static final class Memory extends PdfOutput {
        private final ByteArrayOutputStream out;

        Memory(int expected) {
            out = new ByteArrayOutputStream(expected);
        }

        @Override
        OutputStream stream() {
            return out;
        }

        @Override
        PdfBytes written() {
            return PdfBytes.of(out.toByteArray());
        }
    }

    private static final class ToFile extends PdfOutput {
        private final Path file;
        private final OutputStream out;

        ToFile(Path file) throws IOException {
            this.file = file;
            this.out = new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024);
        }

        @Override
        OutputStream stream() {
            return out;
        }

        @Override
        PdfBytes written() throws IOException {
            out.close();
            return PdfBytes.of(file);
        }
    }
}
