package org.fujie.service.problem;

/** Problems every Fujie service can answer with. */
public final class CommonProblem {

    private CommonProblem() {
    }

    public static final ProblemType MALFORMED_REQUEST = new ProblemType("malformed-request", 400, "The request is malformed");
    public static final ProblemType PRINCIPAL_INVALID = new ProblemType("principal-invalid", 400, "The principal is invalid");
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", 404, "Not found");
    public static final ProblemType UNAUTHORIZED = new ProblemType("unauthorized", 401, "Authentication is required");
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", 403, "The caller's roles do not allow this");
    /** A browser said the request came from another site (CrossSiteRequestFilter). */
    public static final ProblemType CROSS_SITE_REQUEST = new ProblemType("cross-site-request", 403, "Cross-site requests are refused");
    public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed", 405, "Method not allowed");
    public static final ProblemType REQUEST_TOO_LARGE = new ProblemType("request-too-large", 413, "The request body is too large");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type", 415, "Unsupported media type");
    public static final ProblemType KEY_UNAVAILABLE = new ProblemType("key-unavailable", 503, "A signing key is unavailable");
    public static final ProblemType INTERNAL = new ProblemType("internal", 500, "Internal error");
}
