package org.fujie.pki.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.fujie.pki.cms.DocumentValidation;
import org.fujie.pki.cms.ValidationData;
import org.fujie.pki.validation.HttpFetcher;
import org.fujie.pki.validation.RevocationChecker;
import org.fujie.pki.validation.RevocationSource;
import org.fujie.pki.validation.TrustAnchor;
import org.fujie.pki.validation.ValidationPolicy;

/**
 * Verifies every signature and document time-stamp of a PDF (PAdES, ETSI EN 319 142-1) and answers in
 * EN 319 102-1 terms: byte-range integrity over the raw file, the CMS signature and its time-stamp, the
 * signing certificate's path and revocation at the best signing time (the document's own DSS data first,
 * then the configured online sources), what later incremental updates changed and whether the document's
 * DocMDP permissions allow it, and the baseline level reached. The document's indication is the worst of its
 * signatures'. Never throws for a bad document: every outcome is a {@link PdfReport}. Thread-safe.
 */
public final class PdfVerifier {

    private final DocumentValidation validation;
    private final PdfVerifierSettings settings;

    /** @param onlineSources asked after the document's own revocation data, in this order */
    public PdfVerifier(List<TrustAnchor> anchors, ValidationPolicy policy, HttpFetcher fetcher,
            List<RevocationSource> onlineSources, Clock clock, PdfVerifierSettings settings) {
        this.validation = new DocumentValidation(anchors, policy, fetcher, onlineSources, clock);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** With OCSP then CRL over the fetcher (as {@link RevocationChecker#ocspThenCrl}), with caches shared by all documents. */
    public static PdfVerifier online(List<TrustAnchor> anchors, ValidationPolicy policy, HttpFetcher fetcher, Clock clock,
            PdfVerifierSettings settings) {
        return new PdfVerifier(anchors, policy, fetcher, RevocationChecker.onlineSources(fetcher, policy), clock, settings);
    }

    /** Reads at most the size limit from the stream (a larger document is refused) and verifies it. */
    public PdfReport verify(InputStream document) {
        byte[] bytes;
        try {
            bytes = document.readNBytes(settings.maxDocumentBytes() + 1);
        } catch (IOException e) {
            return PdfReport.unreadable("the document could not be read: " + e.getMessage());
        }
        return verify(bytes);
    }

    public PdfReport verify(byte[] document) {
        try {
            return run(document);
        } catch (RuntimeException | StackOverflowError e) {
            return PdfReport.unreadable("the document could not be examined: " + e);
        }
    }

    private PdfReport run(byte[] file) {
        if (file.length > settings.maxDocumentBytes()) {
            return PdfReport.unreadable("the document is larger than " + settings.maxDocumentBytes() + " bytes");
        }
        if (!contains(file, 0, Math.min(file.length, 1024), "%PDF-")) {
            return PdfReport.unreadable("not a PDF: no %PDF- header");
        }
        if (!contains(file, Math.max(0, file.length - 1024), file.length, "%%EOF")) {
            return PdfReport.unreadable("the document is corrupted or truncated: it does not end with %%EOF");
        }
        PDDocument document = null;
        try {
            StreamBombCheck.check(file, settings.maxDecodedStreamBytes(), 16 * settings.maxDecodedStreamBytes());
            document = PdfLoader.load(file, file.length, settings.maxParserMemoryBytes());
            int objects = document.getDocument().getXrefTable().size();
            if (objects > settings.maxObjects()) {
                return PdfReport.unreadable("the document has " + objects + " objects, more than " + settings.maxObjects());
            }
            List<SignatureField> fields = SignatureFields.read(document, settings.maxSignatures());
            if (fields.isEmpty()) {
                return PdfReport.of(List.of());
            }
            return verify(file, document, fields);
        } catch (PdfFormatException e) {
            return PdfReport.unreadable(e.getMessage());
        } finally {
            if (document != null) {
                PdfLoader.close(document);
            }
        }
    }

    private PdfReport verify(byte[] file, PDDocument document, List<SignatureField> fields) {
        ValidationData dss = DssData.read(document);
        Instant now = validation.clock().instant();
        SignatureVerifier verifier = new SignatureVerifier(file, file.length, validation.forDocument(dss, DssData.URL), dss,
                settings.signerPurpose());
        List<SignatureOutcome> timestamps = new ArrayList<>();
        for (SignatureField field : fields) {
            if (field.documentTimestamp()) {
                timestamps.add(verifier.verify(field, now, null));
            }
        }
        RevisionComparator comparator = new RevisionComparator(file, document, settings);
        ReportAssembler assembler = new ReportAssembler(timestamps, ReportAssembler.dssOffset(document), dss);
        Integer docMdp = fields.stream().map(SignatureField::docMdpPermissions).filter(Objects::nonNull).findFirst().orElse(null);
        List<PdfSignatureReport> reports = new ArrayList<>();
        for (SignatureField field : fields) {
            SignatureOutcome outcome = field.documentTimestamp()
                    ? timestamps.stream().filter(t -> t.field() == field).findFirst().orElseThrow()
                    : verifier.verify(field, now, assembler.proofOfExistence(field, file.length));
            List<Modification> modifications = outcome.range() == null || outcome.range().coversWholeDocument()
                    ? List.of() : comparator.compare(outcome.range().signedLength(), docMdp, field.lock());
            reports.add(assembler.report(outcome, modifications));
        }
        return PdfReport.of(reports);
    }

    private static boolean contains(byte[] file, int from, int to, String marker) {
        byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
        for (int i = from; i + m.length <= to; i++) {
            if (java.util.Arrays.equals(file, i, i + m.length, m, 0, m.length)) {
                return true;
            }
        }
        return false;
    }
}
