package org.fujie.ca.ocsp;

import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.fujie.ca.store.CertificateRecord;
import org.fujie.service.store.Timestamps;
import org.fujie.pki.revocation.RevocationReason;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The revocation state of issued certificates, as the responder reads it: by serial, per CA, and what changed. */
final class CertificateStatuses {

    /** change: the revocation counter value of the last status change, 0 if never changed. */
    record Status(BigInteger serial, String caId, String status, Instant revokedAt, RevocationReason reason, Instant invalidityDate,
            long change) {
        boolean revoked() {
            return !CertificateRecord.VALID.equals(status);
        }
    }

    record Changes(long mark, List<Status> changed) {
    }

    private static final String COLUMNS = "serial, ca_id, status, revoked_at, revocation_reason, invalidity_date, status_change";

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    CertificateStatuses(JdbcClient jdbc, JdbcTemplate streaming, TransactionTemplate readOnly) {
        this.jdbc = jdbc;
        this.streaming = streaming;
        this.readOnly = readOnly;
    }

    Optional<Status> find(BigInteger serial) {
        return jdbc.sql("select " + COLUMNS + " from certificate where serial = ?").param(serial.toString(16))
                .query(CertificateStatuses::row).optional();
    }

    /**
     * Every certificate of the CA that has not expired, in one pass. In a read-only transaction,
     * because PostgreSQL streams rows (fetch size) only inside one; otherwise a million rows would
     * arrive at once.
     */
    void forEachUnexpired(String caId, Instant now, Consumer<Status> sink) {
        readOnly.executeWithoutResult(status -> streaming.query(
                "select " + COLUMNS + " from certificate where ca_id = ? and not_after > ?",
                rs -> {
                    sink.accept(row(rs, 0));
                }, caId, Timestamps.utc(now)));
    }

    long mark() {
        return jdbc.sql("select counter from revocation_counter where id = 1").query(Long.class).single();
    }

    /** Status changes after the mark; the mark is read first, so nothing committed up to it is missed. */
    Changes changedSince(long since) {
        long mark = mark();
        if (mark == since) {
            return new Changes(mark, List.of());
        }
        return new Changes(mark, jdbc.sql("select " + COLUMNS + " from certificate where status_change > ?").param(since)
                .query(CertificateStatuses::row).list());
    }

    private static Status row(ResultSet rs, int n) throws SQLException {
        int reason = rs.getInt("revocation_reason");
        return new Status(new BigInteger(rs.getString("serial"), 16), rs.getString("ca_id"), rs.getString("status"),
                Timestamps.read(rs, "revoked_at"), rs.wasNull() ? null : RevocationReason.fromCode(reason),
                Timestamps.read(rs, "invalidity_date"), rs.getLong("status_change"));
    }
}
