package org.fujie.ca.revocation;

import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import org.fujie.ca.store.CertificateRecord;
import org.fujie.service.store.Timestamps;
import org.fujie.pki.revocation.CrlTemplate;
import org.fujie.pki.revocation.RevocationReason;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CRLs and the revocation data they are built from. Entries are streamed in one pass over an index,
 * never loaded as records, so a CRL of 100,000 entries costs one query and no per-entry lookups.
 */
public final class CrlStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    public CrlStore(JdbcClient jdbc, JdbcTemplate streaming) {
        this.jdbc = jdbc;
        this.streaming = streaming;
    }

    public long revocationCounter() {
        return jdbc.sql("select counter from revocation_counter where id = 1").query(Long.class).single();
    }

    public Optional<CrlRecord> latest(String caId, boolean delta) {
        return jdbc.sql("select * from crl where ca_id = ? and (base_number is not null) = ? order by crl_number desc limit 1")
                .params(caId, delta).query(CrlStore::row).optional();
    }

    /** The number of the newest complete or delta CRL: a cheap check whether a cached copy is current. */
    public Optional<Long> newestNumber(String caId, boolean delta) {
        return jdbc.sql("select crl_number from crl where ca_id = ? and (base_number is not null) = ? order by crl_number desc limit 1")
                .params(caId, delta).query(Long.class).optional();
    }

    /** The newest CRL number of the CA, complete or delta; 0 before the first. */
    public long lastNumber(String caId) {
        return jdbc.sql("select coalesce(max(crl_number), 0) from crl where ca_id = ?").param(caId).query(Long.class).single();
    }

    public void insert(CrlRecord crl) {
        jdbc.sql("insert into crl (ca_id, crl_number, base_number, change_mark, this_update, next_update, entries, der) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(crl.caId(), crl.number(), crl.baseNumber(), crl.changeMark(), Timestamps.utc(crl.thisUpdate()),
                        Timestamps.utc(crl.nextUpdate()), crl.entries(), crl.der())
                .update();
    }

    /** Drops CRLs older than the newest complete CRL: nobody is served them any more. */
    public void pruneBefore(String caId, long number) {
        jdbc.sql("delete from crl where ca_id = ? and crl_number < ?").params(caId, number).update();
    }

    /** Every revoked or held certificate of the CA that expired after the cut-off, in serial order. */
    public void revokedEntries(String caId, Instant expiredCutoff, Consumer<CrlTemplate.Entry> sink) {
        streaming.query("select serial, revoked_at, revocation_reason, invalidity_date from certificate "
                        + "where ca_id = ? and revoked_at is not null and not_after > ?",
                rs -> {
                    sink.accept(new CrlTemplate.Entry(new BigInteger(rs.getString(1), 16), Timestamps.read(rs, 2),
                            RevocationReason.fromCode(rs.getInt(3)), Timestamps.read(rs, 4)));
                }, caId, Timestamps.utc(expiredCutoff));
    }

    /**
     * The changes since a complete CRL (RFC 5280 5.2.4): certificates revoked or held since, with their
     * reason, and holds released since, as removeFromCRL.
     */
    public void changedEntries(String caId, long sinceMark, Instant expiredCutoff, Consumer<CrlTemplate.Entry> sink) {
        streaming.query("select serial, status, revoked_at, revocation_reason, invalidity_date, status_changed_at "
                        + "from certificate where status_change > ? and ca_id = ? and not_after > ?",
                rs -> {
                    BigInteger serial = new BigInteger(rs.getString(1), 16);
                    if (CertificateRecord.VALID.equals(rs.getString(2))) {
                        sink.accept(new CrlTemplate.Entry(serial, Timestamps.read(rs, 6), RevocationReason.REMOVE_FROM_CRL, null));
                    } else {
                        sink.accept(new CrlTemplate.Entry(serial, Timestamps.read(rs, 3), RevocationReason.fromCode(rs.getInt(4)),
                                Timestamps.read(rs, 5)));
                    }
                }, sinceMark, caId, Timestamps.utc(expiredCutoff));
    }

    private static CrlRecord row(ResultSet rs, int n) throws SQLException {
        long base = rs.getLong("base_number");
        return new CrlRecord(rs.getString("ca_id"), rs.getLong("crl_number"), rs.wasNull() ? null : base,
                rs.getLong("change_mark"), Timestamps.read(rs, "this_update"), Timestamps.read(rs, "next_update"), rs.getInt("entries"),
                rs.getBytes("der"));
    }
}
