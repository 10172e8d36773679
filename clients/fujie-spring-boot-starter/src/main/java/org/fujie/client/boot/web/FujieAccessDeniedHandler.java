package org.fujie.client.boot.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Logged in, but the roles do not allow it: 403 problem JSON. */
public final class FujieAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception) throws IOException {
        ProblemJson.write(response, 403, ProblemJson.FORBIDDEN, "The caller's roles do not allow this",
                "the caller's roles do not allow " + request.getMethod() + " " + request.getRequestURI());
    }
}
