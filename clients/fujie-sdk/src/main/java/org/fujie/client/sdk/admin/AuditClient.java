package org.fujie.client.sdk.admin;

import java.util.Map;
import java.util.Objects;

import org.fujie.client.sdk.FujieConnection;
import org.fujie.client.sdk.PathSegment;

/** {@code /api/v1/audit} of any one service (ADMIN, AUDITOR): verify its hash chain and checkpoints, export its entries. */
public final class AuditClient {

    private final FujieConnection connection;

    public AuditClient(FujieConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    public AuditVerification verify() {
        return connection.get("/api/v1/audit/verify", AuditVerification.class);
    }

    /**
     * The entries the filters select (actor, action, outcome, target, from, to; null values are left out), oldest first,
     * one JSON object a line with its hash.
     */
    public byte[] export(Map<String, String> filters) {
        return connection.getBytes("/api/v1/audit/export" + PathSegment.query(filters), "application/x-ndjson");
    }
}
