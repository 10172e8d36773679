package org.fujie.seal.stamp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.fujie.seal.problem.SealProblem;
import org.fujie.seal.seal.Actor;
import org.fujie.service.problem.FujieException;
import org.springframework.http.MediaType;
import org.springframework.web.multipart.MultipartFile;

/**
 * An uploaded PDF stamped and written to the answer, for the API and the console alike: up to 8 MB in memory, larger
 * ones file to file, so memory stays bounded. Nothing is written to the answer before the stamp succeeded, so a
 * refusal can still be shown as the caller's error.
 */
public final class PdfStamping {

    /** Documents up to 256 MB are stamped; above 8 MB through files. */
    static final long MAX_DOCUMENT_BYTES = 256L * 1024 * 1024;
    private static final int IN_MEMORY_BYTES = 8 * 1024 * 1024;

    private final SealStamper stamper;

    public PdfStamping(SealStamper stamper) {
        this.stamper = stamper;
    }

    /**
     * @param downloadName when not null, the answer is an attachment of this (ASCII) file name
     */
    public void stamp(String id, MultipartFile document, StampOptions options, Actor keeper, HttpServletResponse response,
            String downloadName) throws IOException {
        if (document.getSize() > MAX_DOCUMENT_BYTES) {
            throw new FujieException(SealProblem.STAMP_INVALID, "the document is larger than " + MAX_DOCUMENT_BYTES + " bytes");
        }
        if (document.getSize() <= IN_MEMORY_BYTES) {
            byte[] pdf;
            try (InputStream in = document.getInputStream()) {
                pdf = in.readNBytes(IN_MEMORY_BYTES + 1);
            }
            byte[] stamped = stamper.stamp(id, pdf, options, keeper);
            headers(response, stamped.length, downloadName);
            response.getOutputStream().write(stamped);
            return;
        }
        Path work = Files.createTempDirectory("fujie-stamp-");
        try {
            Path in = work.resolve("in.pdf");
            Path out = work.resolve("stamped.pdf");
            document.transferTo(in);
            stamper.stamp(id, in, out, options, keeper);
            headers(response, Files.size(out), downloadName);
            Files.copy(out, response.getOutputStream());
        } finally {
            delete(work);
        }
    }

    /** ISO 32000-2 7.5.2 lets the header start within the first 1024 bytes. */
    public static boolean isPdf(MultipartFile document) throws IOException {
        byte[] head;
        try (InputStream in = document.getInputStream()) {
            head = in.readNBytes(1024);
        }
        return new String(head, StandardCharsets.ISO_8859_1).contains("%PDF-");
    }

    private static void headers(HttpServletResponse response, long length, String downloadName) {
        response.setContentType(MediaType.APPLICATION_PDF_VALUE);
        response.setContentLengthLong(length);
        if (downloadName != null) {
            response.setHeader("Content-Disposition", "attachment; filename=\"" + downloadName + "\"");
        }
    }

    private static void delete(Path work) {
        try (Stream<Path> files = Files.list(work)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(work);
        } catch (IOException e) {
            // the temporary folder is left for the OS to clear
        }
    }
}
