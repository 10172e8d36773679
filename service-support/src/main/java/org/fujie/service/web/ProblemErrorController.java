package org.fujie.service.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.fujie.service.problem.CommonProblem;
import org.fujie.service.problem.ProblemType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error page, which errors raised outside Spring MVC reach (a servlet's sendError, as the TSA's 415; an
 * exception in a filter): problem JSON like every other error, never the exception's message or trace. Called
 * directly, with no error to report, it is not found. A console page's error is the console's error page instead. Replaces Spring Boot's BasicErrorController.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private final ObjectProvider<ErrorPage> pages;

    ProblemErrorController(ObjectProvider<ErrorPage> pages) {
        this.pages = pages;
    }

    /** Problem JSON, or for a console page (a body too large, a page that failed to render) the console's error page. */
    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        if (!(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status)) {
            return ProblemHandler.problem(CommonProblem.NOT_FOUND, "there is nothing at /error");
        }
        ProblemType type = switch (status) {
            case 400 -> CommonProblem.MALFORMED_REQUEST;
            case 401 -> CommonProblem.UNAUTHORIZED;
            case 403 -> CommonProblem.FORBIDDEN;
            case 404 -> CommonProblem.NOT_FOUND;
            case 405 -> CommonProblem.METHOD_NOT_ALLOWED;
            case 413 -> CommonProblem.REQUEST_TOO_LARGE;
            case 415 -> CommonProblem.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? CommonProblem.INTERNAL : CommonProblem.MALFORMED_REQUEST;
        };
        // A message given to sendError is the servlet's own words; an exception's message may quote anything.
        boolean fromException = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null;
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String detail = !fromException && message instanceof String text && !text.isBlank() ? text : type.title();
        ErrorPage pageKind = pages.getIfAvailable();
        ModelAndView page = pageKind == null ? null : pageKind.page(request, status, type, detail);
        if (page != null) {
            return page;
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        body.setType(type.uri());
        body.setTitle(type.title());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
