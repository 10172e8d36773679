package org.fujie.ca.support.matrix;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The harmless request a matrix row is called with: every path variable (and servlet wildcard) filled with an id that
 * does not exist, and an empty JSON object as the body of a POST or PUT. Allowed callers so get 400, 404 or a read;
 * nothing real is changed.
 */
public record Sample(String pathValue, String contentType, byte[] body) {

    private static final Pattern VARIABLES = Pattern.compile("\\{\\*?[^}]+}|\\*\\*|\\*");
    private static final String NONEXISTENT = "nonexistent";

    /** The default for the method: no body for reads and deletes, {@code {}} for POST and PUT. */
    public static Sample harmless(String method) {
        boolean withBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        return withBody ? new Sample(NONEXISTENT, "application/json", "{}".getBytes(StandardCharsets.UTF_8))
                : new Sample(NONEXISTENT, null, null);
    }

    /** The default for the method, but with this value for the path variables (an id that exists, for a public read). */
    public static Sample pathValue(String method, String value) {
        Sample harmless = harmless(method);
        return new Sample(value, harmless.contentType, harmless.body);
    }

    /** A body of this type instead of the default. */
    public static Sample body(String contentType, byte[] body) {
        return new Sample(NONEXISTENT, contentType, body);
    }

    /** The pattern with each variable filled in. */
    public String path(String pattern) {
        return VARIABLES.matcher(pattern).replaceAll(Matcher.quoteReplacement(pathValue));
    }
}
