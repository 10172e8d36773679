package org.fujie.trust.problem;

import java.net.URI;

import org.fujie.service.problem.ProblemType;

/** trust-service's own problems. */
public enum TrustProblem implements ProblemType {
    ANCHOR_INVALID("trust-anchor-invalid", 400, "The trust anchor is invalid"),
    ANCHOR_EXISTS("trust-anchor-exists", 409, "The certificate is a trust anchor already"),
    VALIDATION_REQUEST_INVALID("validation-request-invalid", 400, "The validation request is invalid");

    private final String slug;
    private final int status;
    private final String title;

    TrustProblem(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    @Override
    public URI uri() {
        return ProblemType.uri(slug);
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
