package org.fujie.service.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fujie.service.problem.CommonProblem;
import org.fujie.service.problem.FujieException;
import org.fujie.service.problem.ProblemType;
import org.fujie.service.web.DeniedAccessAudit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;

/**
 * Errors of console pages as a page: the problem's title and detail (the same words the API would answer with, so
 * the console explains a refusal as well as the API does), its status and type; never a stack trace. Ahead of the
 * API's problem JSON handler, for console controllers only.
 */
@ControllerAdvice(annotations = ConsoleController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    static final String VIEW = "console/error";
    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    private final ObjectProvider<DeniedAccessAudit> deniedAccess;

    ConsoleErrors(ObjectProvider<DeniedAccessAudit> deniedAccess) {
        this.deniedAccess = deniedAccess;
    }

    @ExceptionHandler(FujieException.class)
    String refused(FujieException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (e.type().status() == 403) {
            deniedAccess.ifAvailable(audit -> audit.record(request, e.type().slug()));
        }
        return show(e.type(), e.getMessage(), response, model);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    String badForm(Exception e, HttpServletResponse response, Model model) {
        return show(CommonProblem.MALFORMED_REQUEST, "a field of the form is missing or not of the expected kind", response, model);
    }

    @ExceptionHandler(MultipartException.class)
    String badUpload(MultipartException e, HttpServletResponse response, Model model) {
        return show(CommonProblem.MALFORMED_REQUEST, "the uploaded file could not be read", response, model);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletResponse response, Model model) {
        log.error("unexpected error on a console page", e);
        return show(CommonProblem.INTERNAL, "an internal error occurred; the service log has the details", response, model);
    }

    static String show(ProblemType type, String detail, HttpServletResponse response, Model model) {
        response.setStatus(type.status());
        model.addAttribute("problem", ShownProblem.of(type, detail, type.status()));
        return VIEW;
    }

    /** A problem as the error page shows it: the title in the page's language, the detail as the service wrote it. */
    public record ShownProblem(String title, String detail, int status, String type) {

        static ShownProblem of(ProblemType type, String detail, int status) {
            return new ShownProblem(ProblemTitles.of(type), detail, status, type.uri().toString());
        }
    }
}
