package org.fujie.service.web;

import jakarta.servlet.http.HttpServletRequest;

import org.fujie.service.problem.CommonProblem;
import org.fujie.pki.operator.KeyBackendException;
import org.fujie.service.problem.FujieException;
import org.fujie.service.problem.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error as RFC 7807 problem JSON with a stable type; never a stack trace. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final ObjectProvider<DeniedAccessAudit> deniedAccess;

    ProblemHandler(ObjectProvider<DeniedAccessAudit> deniedAccess) {
        this.deniedAccess = deniedAccess;
    }

    @ExceptionHandler(FujieException.class)
    ResponseEntity<ProblemDetail> refused(FujieException e, HttpServletRequest request) {
        if (e.type().status() == 403) {
            // A service's own refusal (a keeper stamping a seal not granted to them, four eyes) is a denial too.
            deniedAccess.ifAvailable(audit -> audit.record(request, e.type().slug()));
        }
        return problem(e.type(), e.getMessage());
    }

    /** A multipart endpoint (stamp, verify) sent something else, or a broken multipart body: the caller's mistake. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> notMultipart(MultipartException e) {
        return problem(CommonProblem.MALFORMED_REQUEST, "send the document as multipart/form-data (CONTRACT.md)");
    }

    /**
     * An HSM or Vault that is down, a wrong PIN: the caller may try again later, and the detail says why (key backends
     * name aliases and causes, never key material or PINs). Nothing was stored: the signature comes before the commit.
     */
    @ExceptionHandler(KeyBackendException.class)
    ResponseEntity<ProblemDetail> keyUnavailable(KeyBackendException e) {
        log.warn("key unavailable: {}", e.getMessage());
        ResponseEntity<ProblemDetail> problem = problem(CommonProblem.KEY_UNAVAILABLE, e.getMessage());
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders()).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(CommonProblem.INTERNAL, "an internal error occurred; the service log has the details");
    }

    static ResponseEntity<ProblemDetail> problem(ProblemType type, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()), detail);
        body.setType(type.uri());
        body.setTitle(type.title());
        return ResponseEntity.status(type.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /** Spring's own errors (unreadable JSON, wrong method, ...) get Fujie's types too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemType type = switch (statusCode.value()) {
            case 400 -> CommonProblem.MALFORMED_REQUEST;
            case 404 -> CommonProblem.NOT_FOUND;
            case 405 -> CommonProblem.METHOD_NOT_ALLOWED;
            case 413 -> CommonProblem.REQUEST_TOO_LARGE;
            case 415 -> CommonProblem.UNSUPPORTED_MEDIA_TYPE;
            default -> CommonProblem.INTERNAL;
        };
        if (body instanceof ProblemDetail detail) {
            detail.setType(type.uri());
            detail.setTitle(type.title());
            if (type == CommonProblem.MALFORMED_REQUEST) {
                // Parser messages may quote the input at length; keep the answer short and safe.
                detail.setDetail("the request body is not valid JSON of the expected shape");
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }
}
