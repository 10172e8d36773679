package org.fujie.ca.store;

import org.fujie.service.store.Timestamps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads and writes CA records; nothing else. */
public final class CaStore {

    private final JdbcClient jdbc;

    public CaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CaRecord> all() {
        return jdbc.sql("select * from ca order by created_at, id").query(CaStore::row).list();
    }

    public Optional<CaRecord> find(String id) {
        return jdbc.sql("select * from ca where id = ?").param(id).query(CaStore::row).optional();
    }

    /** Inserts within the caller's transaction (see AuditedTransactions). */
    public static void insert(JdbcClient tx, CaRecord ca) {
        tx.sql("insert into ca (id, subject, algorithm, parent_id, key_backend, key_alias, certificate_der, "
                        + "not_before, not_after, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(ca.id(), ca.subject(), ca.algorithm(), ca.parentId(), ca.keyBackend(), ca.keyAlias(),
                        ca.certificateDer(), Timestamps.utc(ca.notBefore()), Timestamps.utc(ca.notAfter()),
                        Timestamps.utc(ca.createdAt()))
                .update();
    }

    private static CaRecord row(ResultSet rs, int n) throws SQLException {
        return new CaRecord(rs.getString("id"), rs.getString("subject"), rs.getString("algorithm"),
                rs.getString("parent_id"), rs.getString("key_backend"), rs.getString("key_alias"),
                rs.getBytes("certificate_der"), Timestamps.read(rs, "not_before"), Timestamps.read(rs, "not_after"),
                Timestamps.read(rs, "created_at"));
    }
}
