package org.fujie.trust.verify;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.fujie.pki.cms.CadesVerifier;
import org.fujie.pki.cms.CmsVerifierSettings;
import org.fujie.pki.cms.DocumentValidation;
import org.fujie.pki.pdf.PdfVerifier;
import org.fujie.pki.pdf.PdfVerifierSettings;
import org.fujie.pki.ses.SesDocuments;
import org.fujie.pki.ses.SesVerifier;
import org.fujie.pki.ses.SesVerifierSettings;
import org.fujie.pki.validation.CertificateValidator;
import org.fujie.pki.validation.HttpFetcher;
import org.fujie.pki.validation.RevocationChecker;
import org.fujie.pki.validation.TrustAnchor;
import org.fujie.pki.validation.ValidationPolicy;
import org.fujie.pki.xades.SecureXml;
import org.fujie.pki.xades.XadesVerifier;
import org.fujie.pki.xades.XadesVerifierSettings;
import org.fujie.service.problem.FujieException;
import org.fujie.trust.anchor.AnchorService;
import org.fujie.trust.problem.TrustProblem;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Verifies an uploaded document for {@code POST /api/v1/verify} and the console alike: who signed this document, since when, and is it still valid. A PDF (PAdES and
 * adbe.pkcs7.detached signatures, document time-stamps), an XML document (XAdES or XML Signature: enveloped,
 * enveloping, or detached with the data in the {@code detached} part, named by its file name) or a CMS signature file
 * (.p7s, DER or PEM, CAdES or plain CMS; the signed document in the {@code detached} part when the signature does not
 * carry it), or a GB/T 38540 / GM/T 0031 seal (SESeal, alone) or signature (SES_Signature, with the signed document
 * in the {@code detached} part). Anything else is refused with 415.
 */
@Component
public class DocumentVerifier {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final CmsVerifierSettings CMS_SETTINGS = CmsVerifierSettings.defaults();
    private static final XadesVerifierSettings XML_SETTINGS = XadesVerifierSettings.defaults();

    private final AnchorService anchors;
    private final ValidationPolicy policy;
    private final HttpFetcher fetcher;
    /** The service's checker: its sources' caches, bounded by fujie.validation.revocation-max-age, serve every document. */
    private final RevocationChecker revocation;
    private final Clock clock;
    /** Verifiers per set of anchors: they hold the revocation caches, which should outlive a request. */
    private final AtomicReference<Cached> verifiers = new AtomicReference<>();

    private record Cached(List<TrustAnchor> anchors, PdfVerifier pdf, CadesVerifier cms, XadesVerifier xml, SesVerifier ses) {
    }

    DocumentVerifier(AnchorService anchors, ValidationPolicy policy, HttpFetcher fetcher, RevocationChecker revocation,
            Clock clock) {
        this.anchors = anchors;
        this.policy = policy;
        this.fetcher = fetcher;
        this.revocation = revocation;
        this.clock = clock;
    }

    /** @param detached the signed data of a detached signature, or null */
    public VerificationReportView verify(MultipartFile document, MultipartFile detached) throws IOException {
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
        if (SecureXml.looksLikeXml(head)) {
            Map<String, byte[]> detachedData = detached == null ? Map.of()
                    : Map.of(detachedName(detached), bounded(detached, XML_SETTINGS.maxDocumentBytes()));
            return VerificationReportView.of(current().xml().verify(bounded(document, XML_SETTINGS.maxDocumentBytes()), detachedData));
        }
        SesDocuments.Kind ses = SesDocuments.kind(head);
        if (ses != SesDocuments.Kind.OTHER) {
            int max = SesVerifierSettings.defaults().maxBytes();
            byte[] der = bounded(document, max);
            if (ses == SesDocuments.Kind.SEAL) {
                if (detached != null) {
                    throw new FujieException(TrustProblem.DOCUMENT_UNSUPPORTED, "an SESeal is verified alone: no detached part");
                }
                return VerificationReportView.ofSeal(current().ses().verifySeal(der, null));
            }
            if (detached == null) {
                throw new FujieException(TrustProblem.DOCUMENT_UNSUPPORTED,
                        "an SES_Signature signs a document's hash: give the document in the detached part");
            }
            try (InputStream in = detached.getInputStream()) {
                return VerificationReportView.ofSignature(current().ses().verifySignature(der, out -> in.transferTo(out)));
            }
        }
        if (CadesVerifier.looksLikeCms(head)) {
            int max = CMS_SETTINGS.maxDocumentBytes();
            return VerificationReportView.of(current().cms().verify(bounded(document, max), detached == null ? null : bounded(detached, max)));
        }
        throw new FujieException(TrustProblem.DOCUMENT_UNSUPPORTED,
                "neither a PDF (no %PDF- header in the first 1024 bytes), XML, a GB/T 38540 seal or signature, nor a CMS "
                        + "signature (DER or PEM)");
    }

    /** The part's bytes, refused past the size limit before they are all read. */
    private static byte[] bounded(MultipartFile part, int max) throws IOException {
        if (part.getSize() > max) {
            throw new FujieException(TrustProblem.DOCUMENT_UNSUPPORTED, "the part '" + part.getName() + "' is larger than "
                    + max + " bytes");
        }
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes(max + 1);
        }
    }

    /** A detached XML signature names its data by the reference URI: the uploaded file's name stands for it. */
    private static String detachedName(MultipartFile detached) {
        String name = detached.getOriginalFilename();
        return name == null || name.isBlank() ? "document" : name;
    }

    private Cached current() {
        List<TrustAnchor> now = anchors.anchors();
        Cached cached = verifiers.get();
        if (cached == null || cached.anchors() != now) {
            DocumentValidation validation = new DocumentValidation(now, policy, fetcher, revocation.sources(), clock);
            cached = new Cached(now, new PdfVerifier(now, policy, fetcher, revocation.sources(), clock, PdfVerifierSettings.defaults()),
                    new CadesVerifier(validation, CMS_SETTINGS), new XadesVerifier(validation, XML_SETTINGS),
                    new SesVerifier(new CertificateValidator(now, policy, fetcher, revocation, clock), List.of(),
                            SesVerifierSettings.defaults(), clock));
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
