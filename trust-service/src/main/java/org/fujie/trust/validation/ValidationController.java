package org.fujie.trust.validation;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.fujie.pki.validation.CertificateValidator;
import org.fujie.pki.validation.HttpFetcher;
import org.fujie.pki.validation.Purpose;
import org.fujie.pki.validation.RevocationChecker;
import org.fujie.pki.validation.RevocationFinding;
import org.fujie.pki.validation.ValidationPolicy;
import org.fujie.pki.validation.ValidationResult;
import org.fujie.service.problem.FujieException;
import org.fujie.trust.anchor.AnchorService;
import org.fujie.trust.problem.TrustProblem;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/certificates/validate}: is this certificate trustworthy, at a time, for a purpose. */
@RestController
class ValidationController {

    private final AnchorService anchors;
    private final ValidationPolicy policy;
    private final HttpFetcher fetcher;
    private final RevocationChecker revocation;
    private final Clock clock;

    ValidationController(AnchorService anchors, ValidationPolicy policy, HttpFetcher fetcher, RevocationChecker revocation, Clock clock) {
        this.anchors = anchors;
        this.policy = policy;
        this.fetcher = fetcher;
        this.revocation = revocation;
        this.clock = clock;
    }

    /** at: RFC 3339, default now; purpose: DOCUMENT_SIGNING, TLS_SERVER, TLS_CLIENT, TIME_STAMPING, or none. */
    record ValidateRequest(String certificatePem, String chainPem, String at, String purpose) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FindingView(String subject, String serialNumber, String source, String status, String revokedAt, String reason,
            String thisUpdate, String nextUpdate, String url, String detail) {
        static FindingView of(RevocationFinding f) {
            return new FindingView(f.subject(), f.serial() == null ? null : f.serial().toString(16), f.source().name(),
                    f.status().name(), text(f.revokedAt()), f.reason() == null ? null : f.reason().rfcName(), text(f.thisUpdate()),
                    text(f.nextUpdate()), f.url(), f.detail());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ValidationView(boolean valid, String indication, String subIndication, List<String> path, List<FindingView> revocation,
            String detail, String validationTime) {
    }

    @PostMapping("/api/v1/certificates/validate")
    ValidationView validate(@RequestBody ValidateRequest request) {
        if (request == null || request.certificatePem() == null) {
            throw new FujieException(TrustProblem.VALIDATION_REQUEST_INVALID, "give certificatePem");
        }
        Instant at = null;
        if (request.at() != null) {
            try {
                at = Instant.parse(request.at());
            } catch (DateTimeParseException e) {
                throw new FujieException(TrustProblem.VALIDATION_REQUEST_INVALID, "at must be an RFC 3339 UTC time");
            }
        }
        Purpose purpose = null;
        if (request.purpose() != null) {
            try {
                purpose = Purpose.valueOf(request.purpose().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new FujieException(TrustProblem.VALIDATION_REQUEST_INVALID, "no purpose " + request.purpose()
                        + "; one of " + List.of(Purpose.values()));
            }
        }
        // Cheap to build: the anchors are cached by AnchorService, the revocation caches live in the shared checker.
        CertificateValidator validator = new CertificateValidator(anchors.anchors(), policy, fetcher, revocation, clock);
        ValidationResult result = validator.validatePem(request.certificatePem(), request.chainPem(), at, purpose);
        return new ValidationView(result.valid(), result.indication().name(),
                result.subIndication() == null ? null : result.subIndication().name(), result.pathSubjects(),
                result.revocation().stream().map(FindingView::of).toList(), result.detail(), text(result.validationTime()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
