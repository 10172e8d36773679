package org.fujie.service.console;

import jakarta.servlet.http.HttpServletRequest;

import org.fujie.service.problem.ProblemType;
import org.fujie.service.web.ErrorPage;
import org.fujie.service.web.RequestPaths;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The console's error page for errors no console controller handled (a body above the size limit, a method the URL
 * does not take, a page that failed to render): the same page, title and detail as {@link ConsoleErrors} shows.
 */
@Component
class ConsoleErrorPage implements ErrorPage {

    private final ConsoleModel layout;

    ConsoleErrorPage(ConsoleModel layout) {
        this.layout = layout;
    }

    @Override
    public ModelAndView page(HttpServletRequest request, int status, ProblemType type, String detail) {
        if (!RequestPaths.console(request)) {
            return null;
        }
        ModelAndView page = new ModelAndView(ConsoleErrors.VIEW, layout.attributes(request), HttpStatusCode.valueOf(status));
        page.addObject("problem", ConsoleErrors.ShownProblem.of(type, detail, status));
        return page;
    }
}
