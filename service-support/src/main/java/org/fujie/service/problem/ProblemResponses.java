package org.fujie.service.problem;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/** Problem JSON (RFC 7807) written by servlet filters, which run before Spring MVC's error handling. */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    /** Not audited, unlike 403s (see web.DeniedAccessAudit): an anonymous caller names no one, and anyone could flood the log. */
    public static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> write(response, CommonProblem.UNAUTHORIZED,
                "present a client certificate issued by Fujie's CA (mutual TLS) or a valid bearer token from trust-service");
    }

    public static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(response, CommonProblem.FORBIDDEN,
                "the caller's roles do not allow " + request.getMethod() + " " + request.getRequestURI());
    }

    public static void write(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri().toString());
        body.put("title", type.title());
        body.put("status", type.status());
        body.put("detail", detail);
        response.setStatus(type.status());
        response.setContentType("application/problem+json");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
