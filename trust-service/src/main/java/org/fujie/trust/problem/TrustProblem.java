package org.fujie.trust.problem;

import org.fujie.service.problem.ProblemType;

/** trust-service's own problems. */
public final class TrustProblem {

    private TrustProblem() {
    }

    public static final ProblemType ANCHOR_INVALID = new ProblemType("trust-anchor-invalid", 400, "The trust anchor is invalid");
    public static final ProblemType ANCHOR_EXISTS = new ProblemType("trust-anchor-exists", 409, "The certificate is a trust anchor already");
    public static final ProblemType DOCUMENT_UNSUPPORTED = new ProblemType("document-unsupported", 415, "This kind of document cannot be verified");
    public static final ProblemType VALIDATION_REQUEST_INVALID = new ProblemType("validation-request-invalid", 400, "The validation request is invalid");
    public static final ProblemType LOGIN_FAILED = new ProblemType("login-failed", 401, "The log-in failed");
    public static final ProblemType LOGIN_THROTTLED = new ProblemType("login-throttled", 429, "Too many failed log-ins");
    public static final ProblemType LOGIN_REQUEST_INVALID = new ProblemType("login-request-invalid", 400, "The log-in request is invalid");
}
