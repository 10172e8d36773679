package org.fujie.client.sdk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/** Caller-given ids and query values, encoded so they stay one path segment or one parameter. */
public final class PathSegment {

    private PathSegment() {
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code ?a=1&b=2} of the non-null values, or "" when there are none. */
    public static String query(Map<String, ?> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.add(encode(name) + "=" + encode(value.toString()));
            }
        });
        return query.toString();
    }
}
