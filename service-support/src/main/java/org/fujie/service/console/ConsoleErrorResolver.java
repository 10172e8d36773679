package org.fujie.service.console;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fujie.service.web.RequestPaths;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring MVC's own refusals on a console path that no console controller handles (a method the URL does not take,
 * 405; no such page, 404) go to the container's error page, as Spring's DefaultHandlerExceptionResolver would send
 * them, so that {@link ConsoleErrorPage} answers instead of the API's problem JSON. Errors inside console controllers
 * stay {@link ConsoleErrors}'.
 */
@Component
class ConsoleErrorResolver implements HandlerExceptionResolver, Ordered {

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (!(e instanceof ErrorResponse error) || !RequestPaths.console(request) || consoleController(handler)) {
            return null;
        }
        try {
            error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value))); // Allow
            response.sendError(error.getStatusCode().value(), error.getBody().getDetail());
            return new ModelAndView();
        } catch (IOException failed) {
            return null;
        }
    }

    private static boolean consoleController(Object handler) {
        return handler instanceof HandlerMethod method && AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ConsoleController.class);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
