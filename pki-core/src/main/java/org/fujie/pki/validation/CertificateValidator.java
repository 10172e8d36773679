package org.fujie.pki.validation;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Validates a certificate at a time, for a purpose, against the caller's trust anchors, and answers
 * in EN 319 102-1 terms. The steps run in this order, each able to end it: build a path (anchors
 * trusted for the purpose, given intermediates, allowed caIssuers), PKIX-validate it at the time, check
 * the purpose, check revocation (only now: every URL fetched then comes from a verified certificate).
 * Never throws for bad input: every outcome is a {@link ValidationResult}. Thread-safe.
 */
public final class CertificateValidator {

    private final List<TrustAnchor> anchors;
    private final ValidationPolicy policy;
    private final PathBuilder pathBuilder;
    private final RevocationChecker revocation;
    private final Clock clock;

    public CertificateValidator(List<TrustAnchor> anchors, ValidationPolicy policy, HttpFetcher fetcher,
            RevocationChecker revocation, Clock clock) {
        this.anchors = List.copyOf(anchors);
        this.policy = policy;
        this.pathBuilder = new PathBuilder(policy.maxPathLength(),
                new CaIssuersFetcher(fetcher, policy.caIssuersHosts(), 64 * 1024));
        this.revocation = revocation;
        this.clock = clock;
    }

    /** The trust-service form: PEM in, a result out; unreadable input is TOTAL_FAILED/FORMAT_FAILURE. */
    public ValidationResult validatePem(String certificatePem, String chainPem, Instant at, Purpose purpose) {
        CertificateInput input;
        try {
            input = CertificateInput.parse(certificatePem, chainPem);
        } catch (IllegalArgumentException e) {
            return ValidationResult.failed(SubIndication.FORMAT_FAILURE, List.of(), List.of(), e.getMessage(),
                    at != null ? at : clock.instant());
        }
        return validate(new ValidationRequest(input.certificate(), input.chain(), at, purpose));
    }

    public ValidationResult validate(ValidationRequest request) {
        Instant now = clock.instant();
        Instant at = request.at() != null ? request.at() : now;
        try {
            return run(request, at, now);
        } catch (RuntimeException e) {
            // A certificate that trips a parser deep inside must still get an answer, not an exception.
            return ValidationResult.failed(SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE, List.of(request.certificate()),
                    List.of(), "validation stopped: " + e, at);
        }
    }

    private ValidationResult run(ValidationRequest request, Instant at, Instant now) {
        List<TrustAnchor> usable = anchors.stream().filter(a -> a.trustedFor(request.purpose())).toList();
        PathBuilder.Built built = pathBuilder.build(request.certificate(), request.intermediates(), usable);
        if (!built.found()) {
            return ValidationResult.failed(SubIndication.NO_CERTIFICATE_CHAIN_FOUND, built.path(), List.of(),
                    noChainDetail(request, built), at);
        }
        List<X509Certificate> path = built.path();
        PkixCheck.Failure failure = PkixCheck.validate(path, at);
        if (failure != null) {
            return pkixFailure(failure, path, at);
        }
        if (request.purpose() != null && !CertificateFields.extendedKeyUsages(request.certificate())
                .contains(request.purpose().extendedKeyUsage().getId())) {
            return ValidationResult.failed(SubIndication.CHAIN_CONSTRAINTS_FAILURE, path, List.of(),
                    "the certificate lacks the extended key usage " + request.purpose() + " ("
                            + request.purpose().extendedKeyUsage().getId() + ")", at);
        }
        RevocationChecker.Outcome outcome = revocation.check(path, at, now);
        if (outcome.failure() != null) {
            return ValidationResult.failed(outcome.failure(), path, outcome.findings(), outcome.detail(), at);
        }
        return ValidationResult.passed(path, outcome.findings(), "valid at " + at + ", anchored at "
                + CertificateFields.subject(built.anchor().certificate()), at);
    }

    private ValidationResult pkixFailure(PkixCheck.Failure failure, List<X509Certificate> path, Instant at) {
        String who = failure.index() < 0 ? "the path" : failure.index() == 0 ? "the certificate"
                : CertificateFields.subject(path.get(failure.index()));
        String detail = who + ": " + failure.message();
        if (failure.subIndication() == SubIndication.EXPIRED && !policy.expiredIsTotalFailure()) {
            // EN 319 102-1 5.2.6.4: expired without a proof of existence is left open, not failed.
            return ValidationResult.of(Indication.INDETERMINATE, SubIndication.OUT_OF_BOUNDS_NO_POE, path, List.of(),
                    detail, at);
        }
        return ValidationResult.failed(failure.subIndication(), path, List.of(), detail, at);
    }

    /** Says why no chain was found, and whether an anchor for another purpose would have taken it. */
    private String noChainDetail(ValidationRequest request, PathBuilder.Built built) {
        String detail = String.join("; ", built.problems());
        if (request.purpose() == null || anchors.stream().allMatch(a -> a.trustedFor(request.purpose()))) {
            return detail;
        }
        PathBuilder.Built other = pathBuilder.build(request.certificate(), request.intermediates(), anchors);
        if (other.found()) {
            return "the chain ends at trust anchor " + CertificateFields.subject(other.anchor().certificate())
                    + ", which is not trusted for " + request.purpose() + " (it is for " + other.anchor().purposes() + ")";
        }
        return detail;
    }
}
