package org.fujie.service.problem;

import java.net.URI;

/**
 * Problems every Fujie service can answer with.
 */
public enum CommonProblem implements ProblemType {
    MALFORMED_REQUEST("malformed-request", 400, "The request is malformed"),
    PRINCIPAL_INVALID("principal-invalid", 400, "The principal is invalid"),
    NOT_FOUND("not-found", 404, "Not found"),
    UNAUTHORIZED("unauthorized", 401, "Authentication is required"),
    FORBIDDEN("forbidden", 403, "The caller's roles do not allow this"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    REQUEST_TOO_LARGE("request-too-large", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    INTERNAL("internal", 500, "Internal error");

    private final String slug;
    private final int status;
    private final String title;

    CommonProblem(String slug, int status, String title) {
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
