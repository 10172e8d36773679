package org.fujie.ca.support.matrix;

/**
 * One thing a running service answers: an HTTP method (or {@code *} for a mapping that takes any) and the path pattern
 * as the application declares it ({@code /api/v1/seals/{id}/stamp}, a servlet's {@code /pki/ocsp/*}).
 */
public record Endpoint(String method, String pattern) implements Comparable<Endpoint> {

    public static final String ANY_METHOD = "*";

    @Override
    public int compareTo(Endpoint other) {
        int byPattern = pattern.compareTo(other.pattern);
        return byPattern != 0 ? byPattern : method.compareTo(other.method);
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }
}
