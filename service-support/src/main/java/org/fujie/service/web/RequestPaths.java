package org.fujie.service.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The path the client asked for. During the container's error dispatch the request's own path is the error page's
 * ({@code /error}); what the client asked for is the original one, and that decides how the error is answered.
 */
public final class RequestPaths {

    private static final String CONSOLE = "/console/";

    private RequestPaths() {
    }

    /** The path without the context path: the original request's during an error dispatch. */
    public static String asked(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = request.getDispatcherType() == DispatcherType.ERROR && original instanceof String text ? text : request.getRequestURI();
        return uri.substring(Math.min(request.getContextPath().length(), uri.length()));
    }

    /** A console page (HTML for a browser) rather than the API. */
    public static boolean console(HttpServletRequest request) {
        return asked(request).startsWith(CONSOLE);
    }
}
