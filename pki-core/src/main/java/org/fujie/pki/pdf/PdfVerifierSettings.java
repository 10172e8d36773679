package org.fujie.pki.pdf;

import org.fujie.pki.validation.Purpose;

/**
 * Limits and choices for PDF verification. Immutable; {@link #defaults()} is what trust-service starts from.
 *
 * @param maxDocumentBytes largest document accepted (it is held in memory: digests run over its raw bytes)
 * @param maxParserMemoryBytes most memory PDFBox may use for decoded streams of one document (no temporary files)
 * @param maxDecodedStreamBytes most bytes one Flate stream may inflate to (a larger one is taken for a zip bomb);
 *        all streams together may inflate to 16 times as much
 * @param maxSignatures most signature fields and document time-stamps examined in one document
 * @param maxObjects most indirect objects a revision may hold for the comparison of revisions
 * @param signerPurpose the extended key usage a signing certificate must carry; null accepts any
 */
public record PdfVerifierSettings(int maxDocumentBytes, long maxParserMemoryBytes, long maxDecodedStreamBytes,
        int maxSignatures, int maxObjects, Purpose signerPurpose) {

    public PdfVerifierSettings {
        if (maxDocumentBytes < 1024 || maxParserMemoryBytes < 1024 * 1024 || maxDecodedStreamBytes < 1024
                || maxSignatures < 1 || maxObjects < 16) {
            throw new IllegalArgumentException("PDF verification limits are too small");
        }
    }

    /** 64 MiB documents, 128 MiB of parser memory, 32 MiB per decoded stream, 50 signatures, 200,000 objects. */
    public static PdfVerifierSettings defaults() {
        return new PdfVerifierSettings(64 * 1024 * 1024, 128L * 1024 * 1024, 32L * 1024 * 1024, 50, 200_000,
                Purpose.DOCUMENT_SIGNING);
    }

    public PdfVerifierSettings withSignerPurpose(Purpose purpose) {
        return new PdfVerifierSettings(maxDocumentBytes, maxParserMemoryBytes, maxDecodedStreamBytes, maxSignatures,
                maxObjects, purpose);
    }

    public PdfVerifierSettings withMaxDecodedStreamBytes(long bytes) {
        return new PdfVerifierSettings(maxDocumentBytes, maxParserMemoryBytes, bytes, maxSignatures, maxObjects,
                signerPurpose);
    }
}
