package org.fujie.service.web;

import jakarta.servlet.http.HttpServletRequest;

import org.fujie.service.problem.ProblemType;
import org.springframework.web.servlet.ModelAndView;

/**
 * An error answered as a page (HTML) for a request a browser's page made, instead of the API's problem JSON. The
 * console provides one; a service without it answers problem JSON everywhere.
 */
@FunctionalInterface
public interface ErrorPage {

    /** The page showing the problem, or null when the request is not a page's (the API's). */
    ModelAndView page(HttpServletRequest request, int status, ProblemType type, String detail);
}
