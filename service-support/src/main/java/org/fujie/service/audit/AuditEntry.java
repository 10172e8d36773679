package org.fujie.service.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One stored entry of the audit chain. {@code roles}, {@code outcome} and {@code clientAddress} are null
 * only in entries written before they existed (hashed in {@link AuditChain}'s v1 form).
 */
public record AuditEntry(long seq, Instant at, String actor, String roles, String action, String target,
        String outcome, String clientAddress, String details, String prevHash, String hash) {

    /** Whether the entry predates roles, outcome and client address and so is hashed in the v1 form. */
    public boolean legacy() {
        return roles == null && outcome == null && clientAddress == null;
    }

    /** The hash this entry should carry, given the hash of the entry before it. */
    public String expectedHash(String previousHash) {
        return legacy()
                ? AuditChain.hash(previousHash, seq, at, actor, action, target, details)
                : AuditChain.hashV2(previousHash, seq, at, actor, roles, action, target, outcome, clientAddress, details);
    }

    /** Maps a row of {@code audit_log}. */
    public static AuditEntry row(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("roles"), rs.getString("action"), rs.getString("target"),
                rs.getString("outcome"), rs.getString("client_address"), rs.getString("details"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
