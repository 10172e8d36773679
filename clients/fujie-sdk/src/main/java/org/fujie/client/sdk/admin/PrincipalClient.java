package org.fujie.client.sdk.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fujie.client.sdk.FujieConnection;
import org.fujie.client.sdk.PathSegment;

/**
 * {@code /api/v1/principals} of any one service (each keeps its own grants): list (ADMIN, AUDITOR), grant and remove
 * (ADMIN). Granting replaces the roles of that subject or fingerprint.
 */
public final class PrincipalClient {

    private static final String PRINCIPALS = "/api/v1/principals";

    private final FujieConnection connection;

    public PrincipalClient(FujieConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    public List<Principal> list() {
        return List.of(connection.get(PRINCIPALS, Principal[].class));
    }

    /** Give exactly one of subject and fingerprint. */
    public Principal grant(String subject, String fingerprint, List<String> roles) {
        if ((subject == null) == (fingerprint == null)) {
            throw new IllegalArgumentException("give either a subject or a fingerprint");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("fingerprint", fingerprint);
        body.put("roles", List.copyOf(roles));
        return connection.put(PRINCIPALS, body, Principal.class);
    }

    public void remove(String id) {
        connection.delete(PRINCIPALS + "/" + PathSegment.encode(id));
    }
}
