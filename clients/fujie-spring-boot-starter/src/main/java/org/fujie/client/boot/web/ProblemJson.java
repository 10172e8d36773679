package org.fujie.client.boot.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

/** RFC 7807 problem JSON as Fujie's services write it, with stable {@code urn:fujie:problem:<slug>} types. */
public final class ProblemJson {

    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String TRUST_SERVICE_UNAVAILABLE = "trust-service-unavailable";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemJson() {
    }

    public static String type(String slug) {
        return "urn:fujie:problem:" + slug;
    }

    public static void write(HttpServletResponse response, int status, String slug, String title, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type(slug));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
