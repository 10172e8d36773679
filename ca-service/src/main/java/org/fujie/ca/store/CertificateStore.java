package org.fujie.ca.store;

import org.fujie.service.store.Timestamps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fujie.pki.revocation.RevocationReason;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads and writes issued certificates; nothing else. */
public final class CertificateStore {

    private final JdbcClient jdbc;

    public CertificateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts within the caller's transaction (see AuditedTransactions). */
    public static void insert(JdbcClient tx, CertificateRecord c) {
        tx.sql("insert into certificate (serial, ca_id, profile, subject, status, not_before, not_after, "
                        + "fingerprint, der, requested_by, issued_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.serial(), c.caId(), c.profile(), c.subject(), c.status(), Timestamps.utc(c.notBefore()),
                        Timestamps.utc(c.notAfter()), c.fingerprint(), c.der(), c.requestedBy(),
                        Timestamps.utc(c.issuedAt()))
                .update();
    }

    /** The row, locked until the caller's transaction ends (see AuditedTransactions). */
    public static Optional<CertificateRecord> findForUpdate(JdbcClient tx, String serial) {
        return tx.sql("select * from certificate where serial = ? for update").param(serial).query(CertificateStore::row).optional();
    }

    /**
     * Records a status change within the caller's transaction and stamps it with the next value of
     * the revocation counter; revocation null means valid again (a hold released).
     */
    public static void changeStatus(JdbcClient tx, String serial, String status, CertificateRecord.Revocation revocation,
            Instant at) {
        tx.sql("update revocation_counter set counter = counter + 1 where id = 1").update();
        long change = tx.sql("select counter from revocation_counter where id = 1").query(Long.class).single();
        tx.sql("update certificate set status = ?, revoked_at = ?, revocation_reason = ?, invalidity_date = ?, "
                        + "status_change = ?, status_changed_at = ? where serial = ?")
                .params(status, revocation == null ? null : Timestamps.utc(revocation.revokedAt()),
                        revocation == null ? null : revocation.reason().code(),
                        revocation == null ? null : Timestamps.utc(revocation.invalidityDate()), change, Timestamps.utc(at), serial)
                .update();
    }

    public Optional<CertificateRecord> find(String serial) {
        return jdbc.sql("select * from certificate where serial = ?").param(serial).query(CertificateStore::row).optional();
    }

    public boolean existsByFingerprint(String fingerprint) {
        return jdbc.sql("select count(*) from certificate where fingerprint = ?").param(fingerprint)
                .query(Long.class).single() > 0;
    }

    public List<CertificateRecord> search(CertificateQuery query) {
        Filter filter = filter(query);
        return jdbc.sql("select * from certificate" + filter.where + " order by issued_at desc, serial limit :size offset :offset")
                .params(filter.params)
                .param("size", query.size())
                .param("offset", (long) query.page() * query.size())
                .query(CertificateStore::row)
                .list();
    }

    public long count(CertificateQuery query) {
        Filter filter = filter(query);
        return jdbc.sql("select count(*) from certificate" + filter.where).params(filter.params).query(Long.class).single();
    }

    /** How many certificates each status has (statuses without certificates are absent). */
    public Map<String, Long> countByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select status, count(*) from certificate group by status order by status")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /** Certificates still VALID in the store whose notAfter has passed (the store does not change their status). */
    public long countExpired(Instant now) {
        return jdbc.sql("select count(*) from certificate where status = ? and not_after < ?")
                .params(CertificateRecord.VALID, Timestamps.utc(now)).query(Long.class).single();
    }

    /** The notAfter of every valid certificate that expires in [from, to), for the expiry timeline. */
    public List<Instant> validExpiring(Instant from, Instant to) {
        return jdbc.sql("select not_after from certificate where status = ? and not_after >= ? and not_after < ? order by not_after")
                .params(CertificateRecord.VALID, Timestamps.utc(from), Timestamps.utc(to))
                .query((rs, n) -> Timestamps.read(rs, 1)).list();
    }

    private record Filter(String where, Map<String, Object> params) {
    }

    private static Filter filter(CertificateQuery q) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.subject() != null) {
            // A substring match, case-insensitive, with LIKE wildcards in the input taken literally.
            conditions.add("lower(subject) like :subject escape '!'");
            params.put("subject", "%" + q.subject().toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (q.profile() != null) {
            conditions.add("profile = :profile");
            params.put("profile", q.profile());
        }
        if (q.status() != null) {
            conditions.add("status = :status");
            params.put("status", q.status());
        }
        if (q.caId() != null) {
            conditions.add("ca_id = :caId");
            params.put("caId", q.caId());
        }
        if (q.expiresAfter() != null) {
            conditions.add("not_after >= :expiresAfter");
            params.put("expiresAfter", Timestamps.utc(q.expiresAfter()));
        }
        if (q.expiresBefore() != null) {
            conditions.add("not_after < :expiresBefore");
            params.put("expiresBefore", Timestamps.utc(q.expiresBefore()));
        }
        return new Filter(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
    }

    static CertificateRecord row(ResultSet rs, int n) throws SQLException {
        Instant revokedAt = Timestamps.read(rs, "revoked_at");
        CertificateRecord.Revocation revocation = revokedAt == null ? null : new CertificateRecord.Revocation(revokedAt,
                RevocationReason.fromCode(rs.getInt("revocation_reason")), Timestamps.read(rs, "invalidity_date"));
        return new CertificateRecord(rs.getString("serial"), rs.getString("ca_id"), rs.getString("profile"),
                rs.getString("subject"), rs.getString("status"), Timestamps.read(rs, "not_before"),
                Timestamps.read(rs, "not_after"), rs.getString("fingerprint"), rs.getBytes("der"),
                rs.getString("requested_by"), Timestamps.read(rs, "issued_at"), revocation);
    }
}
