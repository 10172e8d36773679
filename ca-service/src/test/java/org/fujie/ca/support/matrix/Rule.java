package org.fujie.ca.support.matrix;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.fujie.service.security.Role;

/**
 * One row of a role matrix: the endpoint, and either the roles allowed to call it or that it is public (no credential
 * needed). An empty set of roles means no one may call it. An own-credential row (log-out) lets every caller act on
 * the credential it presents, and nothing else: the AUDITOR's read-only rule does not concern it.
 */
public record Rule(Endpoint endpoint, Set<Role> allowed, boolean open, boolean ownCredential, Sample sample) {

    public Rule {
        // In the enum's order, so messages list roles as DESIGN.md does.
        allowed = allowed.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(allowed));
    }

    /** Only these roles may call it; everyone else gets 403, a caller with no credential 401. */
    public static Rule rule(String method, String pattern, Role... allowed) {
        return new Rule(new Endpoint(method, pattern), Set.of(allowed), false, false, Sample.harmless(requestMethod(method)));
    }

    /** Anyone, with or without a credential (health, the public PKI endpoints). */
    public static Rule open(String method, String pattern) {
        return new Rule(new Endpoint(method, pattern), Set.of(), true, false, Sample.harmless(requestMethod(method)));
    }

    /** Any authenticated caller, about its own credential (e.g. ending the bearer token it presents). */
    public static Rule ownCredential(String method, String pattern) {
        return new Rule(new Endpoint(method, pattern), Set.of(Role.values()), false, true, Sample.harmless(requestMethod(method)));
    }

    /** Called with this request instead of the default harmless one. */
    public Rule with(Sample other) {
        return new Rule(endpoint, allowed, open, ownCredential, other);
    }

    public boolean allows(Role role) {
        return open || allowed.contains(role);
    }

    /** The method a request for this row is sent with: GET for a mapping that takes any. */
    public String requestMethod() {
        return requestMethod(endpoint.method());
    }

    private static String requestMethod(String method) {
        return method.equals(Endpoint.ANY_METHOD) ? "GET" : method;
    }

    @Override
    public String toString() {
        return endpoint + (open ? " (public)" : " " + allowed);
    }
}
