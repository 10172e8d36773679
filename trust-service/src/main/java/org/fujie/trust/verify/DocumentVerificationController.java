package org.fujie.trust.verify;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

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
 * {@code POST /api/v1/verify}: who signed this document, since when, and is it still valid. PDF today
 * (PAdES and adbe.pkcs7.detached signatures, document time-stamps); CMS (.p7s) comes next and is
 * refused with 415 until then rather than reported on half-way.
 */
@RestController
class DocumentVerificationController {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final AnchorService anchors;
    private final ValidationPolicy policy;
    private final HttpFetcher fetcher;
    private final Clock clock;
    /** One verifier per set of anchors: it holds the revocation caches, which should outlive a request. */
    private final AtomicReference<Cached> verifier = new AtomicReference<>();

    private record Cached(List<TrustAnchor> anchors, PdfVerifier verifier) {
    }

    DocumentVerificationController(AnchorService anchors, ValidationPolicy policy, HttpFetcher fetcher, Clock clock) {
        this.anchors = anchors;
        this.policy = policy;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    @PostMapping("/api/v1/verify")
    VerificationReportView verify(@RequestPart("document") MultipartFile document) throws IOException {
        if (document.isEmpty()) {
            throw new FujieException(TrustProblem.DOCUMENT_UNSUPPORTED, "the document is empty");
        }
        try (InputStream in = document.getInputStream()) {
            byte[] head = in.readNBytes(1024);
            if (!isPdf(head)) {
                throw new FujieException(TrustProblem.DOCUMENT_UNSUPPORTED,
                        "only PDF documents can be verified so far (no %PDF- header in the first 1024 bytes)");
            }
        }
        try (InputStream in = document.getInputStream()) {
            return VerificationReportView.of(current().verify(in));
        }
    }

    private PdfVerifier current() {
        List<TrustAnchor> now = anchors.anchors();
        Cached cached = verifier.get();
        if (cached == null || cached.anchors() != now) {
            cached = new Cached(now, PdfVerifier.online(now, policy, fetcher, clock, PdfVerifierSettings.defaults()));
            verifier.set(cached);
        }
        return cached.verifier();
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
