package org.fujie.trust.verify;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.fujie.pki.cms.CadesVerifier;
import org.fujie.pki.cms.CmsVerifierSettings;
import org.fujie.pki.pdf.PdfVerifier;
import org.fujie.pki.pdf.PdfVerifierSettings;
import org.fujie.pki.validation.HttpFetcher;
import org.fujie.pki.validation.TrustAnchor;
import org.fujie.pki.validation.ValidationPolicy;
import org.fujie.service.problem.FujieException;
import org.fujie.trust.anchor.AnchorService;
import org.fujie.trust.problem.TrustProblem;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/verify}: who signed this document, since when, and is it still valid. A PDF (PAdES and
 * adbe.pkcs7.detached signatures, document time-stamps) or a CMS signature file (.p7s, DER or PEM, CAdES or
 * plain CMS; the signed document in the {@code detached} part when the signature does not carry it). Anything
 * else is refused with 415.
 */
@RestController
class DocumentVerificationController {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final CmsVerifierSettings CMS_SETTINGS = CmsVerifierSettings.defaults();

    private final AnchorService anchors;
    private final ValidationPolicy policy;
    private final HttpFetcher fetcher;
    private final Clock clock;
    /** Verifiers per set of anchors: they hold the revocation caches, which should outlive a request. */
    private final AtomicReference<Cached> verifiers = new AtomicReference<>();

    private record Cached(List<TrustAnchor> anchors, PdfVerifier pdf, CadesVerifier cms) {
    }

    DocumentVerificationController(AnchorService anchors, ValidationPolicy policy, HttpFetcher fetcher, Clock clock) {
        this.anchors = anchors;
        this.policy = policy;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    @PostMapping("/api/v1/verify")
    VerificationReportView verify(@RequestPart("document") MultipartFile document,
            @RequestPart(name = "detached", required = false) MultipartFile detached) throws IOException {
        if (document.isEmpty()) {
            throw new FujieException(TrustProblem.DOCUMENT_UNSUPPORTED, "the document is empty");
        }
        byte[] head;
        try (InputStream in = document.getInputStream()) {
            head = in.readNBytes(1024);
        }
        if (isPdf(head)) {
            if (detached != null) {
                throw new FujieException(TrustProblem.DOCUMENT_UNSUPPORTED, "a PDF carries its signatures: no detached part");
            }
            try (InputStream in = document.getInputStream()) {
                return VerificationReportView.of(current().pdf().verify(in));
            }
        }
        if (CadesVerifier.looksLikeCms(head)) {
            return VerificationReportView.of(current().cms().verify(bounded(document), detached == null ? null : bounded(detached)));
        }
        throw new FujieException(TrustProblem.DOCUMENT_UNSUPPORTED,
                "neither a PDF (no %PDF- header in the first 1024 bytes) nor a CMS signature (DER or PEM)");
    }

    /** The part's bytes, refused past the CMS size limit before they are all read. */
    private static byte[] bounded(MultipartFile part) throws IOException {
        if (part.getSize() > CMS_SETTINGS.maxDocumentBytes()) {
            throw new FujieException(TrustProblem.DOCUMENT_UNSUPPORTED, "the part '" + part.getName() + "' is larger than "
                    + CMS_SETTINGS.maxDocumentBytes() + " bytes");
        }
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes(CMS_SETTINGS.maxDocumentBytes() + 1);
        }
    }

    private Cached current() {
        List<TrustAnchor> now = anchors.anchors();
        Cached cached = verifiers.get();
        if (cached == null || cached.anchors() != now) {
            cached = new Cached(now, PdfVerifier.online(now, policy, fetcher, clock, PdfVerifierSettings.defaults()),
                    CadesVerifier.online(now, policy, fetcher, clock, CMS_SETTINGS));
            verifiers.set(cached);
        }
        return cached;
    }

    /** ISO 32000-2 7.5.2 lets the header start within the first 1024 bytes. */
    private static boolean isPdf(byte[] head) {
        for (int i = 0; i + PDF_MAGIC.length <= head.length; i++) {
            if (Arrays.equals(head, i, i + PDF_MAGIC.length, PDF_MAGIC, 0, PDF_MAGIC.length)) {
                return true;
            }
        }
        return false;
    }
}
