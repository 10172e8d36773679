package org.fujie.ca.support.matrix;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.fujie.ca.support.FujieTestClient;
import org.fujie.service.security.Role;

import tools.jackson.core.JacksonException;

/**
 * Calls every row of a matrix with a credential of every kind for every role, and with none, and says where the
 * service's answer differs from the row: allowed, the answer is neither 401 nor 403 (nor a 5xx, which would mean the
 * sample request reached a bug rather than a refusal); not allowed, 403 {@code urn:fujie:problem:forbidden}; no
 * credential, 401 {@code urn:fujie:problem:unauthorized}, unless the row is public.
 */
public final class RoleMatrixWalk {

    static final String FORBIDDEN = "urn:fujie:problem:forbidden";
    static final String UNAUTHORIZED = "urn:fujie:problem:unauthorized";
    static final String NOT_FOUND = "urn:fujie:problem:not-found";

    private final RoleMatrix matrix;
    private final String baseUrl;
    private final FujieTestClient anonymous;
    private final List<String> violations = new ArrayList<>();

    private RoleMatrixWalk(RoleMatrix matrix, String baseUrl, FujieTestClient anonymous) {
        this.matrix = matrix;
        this.baseUrl = baseUrl;
        this.anonymous = anonymous;
    }

    /** Every difference between the table and the answers of the service at the URL (HTTPS, the API's port). */
    public static List<String> violations(RoleMatrix matrix, String baseUrl, FujieTestClient anonymous, List<CredentialKind> kinds) {
        RoleMatrixWalk walk = new RoleMatrixWalk(matrix, baseUrl, anonymous);
        for (CredentialKind kind : kinds) {
            walk.walk(kind);
        }
        walk.walkAnonymous();
        return walk.violations;
    }

    /**
     * On the plain-HTTP port only the public rows under one of the public prefixes reach the service; every other row is
     * turned away with 404 before any credential is asked for (the API is never served in clear).
     */
    public static List<String> plainHttpViolations(RoleMatrix matrix, FujieTestClient plain, List<String> publicPrefixes) {
        List<String> violations = new ArrayList<>();
        for (Rule rule : matrix.rules()) {
            String path = rule.sample().path(rule.endpoint().pattern());
            FujieTestClient.Response response = call(plain, rule, path);
            boolean servedInClear = rule.open() && publicPrefixes.stream().anyMatch(path::startsWith);
            if (servedInClear && (response.status() == 401 || response.status() == 403 || response.status() >= 500
                    || NOT_FOUND.equals(type(response)))) {
                violations.add("plain HTTP " + rule.endpoint() + " is public but answered " + describe(response));
            }
            if (!servedInClear && !rule.open() && !(response.status() == 404 && NOT_FOUND.equals(type(response)))) {
                violations.add("plain HTTP " + rule.endpoint() + " must not reach the API, but answered " + describe(response));
            }
        }
        return violations;
    }

    private void walk(CredentialKind kind) {
        Map<Role, FujieTestClient> callers = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            callers.put(role, kind.as(role, baseUrl));
        }
        for (Rule rule : matrix.rules()) {
            String path = rule.sample().path(rule.endpoint().pattern());
            for (Role role : Role.values()) {
                FujieTestClient.Response response = call(callers.get(role), rule, path);
                String who = role + " (" + kind.name() + ")";
                if (rule.allows(role)) {
                    expectPassed(rule, who, response);
                } else if (response.status() != 403 || !FORBIDDEN.equals(type(response))) {
                    violations.add(rule.endpoint() + " as " + who + ": expected 403 forbidden, got " + describe(response));
                }
            }
        }
    }

    private void walkAnonymous() {
        for (Rule rule : matrix.rules()) {
            FujieTestClient.Response response = call(anonymous, rule, rule.sample().path(rule.endpoint().pattern()));
            if (rule.open()) {
                expectPassed(rule, "no credential", response);
            } else if (response.status() != 401 || !UNAUTHORIZED.equals(type(response))) {
                violations.add(rule.endpoint() + " with no credential: expected 401 unauthorized, got " + describe(response));
            }
        }
    }

    private void expectPassed(Rule rule, String who, FujieTestClient.Response response) {
        if (response.status() == 401 || response.status() == 403 || response.status() >= 500) {
            violations.add(rule.endpoint() + " as " + who + ": allowed by " + matrix.name() + ", got " + describe(response));
        }
    }

    private static FujieTestClient.Response call(FujieTestClient client, Rule rule, String path) {
        return client.send(rule.requestMethod(), path, rule.sample().contentType(), rule.sample().body());
    }

    private static String type(FujieTestClient.Response response) {
        if (!response.contentType().startsWith("application/problem+json")) {
            return null;
        }
        try {
            return response.json().path("type").asString(null);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String describe(FujieTestClient.Response response) {
        String body = response.body() == null ? "" : response.body();
        return response.status() + " " + (type(response) != null ? type(response) : body.substring(0, Math.min(body.length(), 120)));
    }
}
