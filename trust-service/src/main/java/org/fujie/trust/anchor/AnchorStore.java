package org.fujie.trust.anchor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.fujie.pki.validation.Purpose;
import org.fujie.service.store.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads and writes trust anchors. */
public final class AnchorStore {

    private final JdbcClient jdbc;

    public AnchorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AnchorRecord> all() {
        return jdbc.sql("select * from trust_anchor order by created_at, id").query(AnchorStore::row).list();
    }

    public Optional<AnchorRecord> find(String id) {
        return jdbc.sql("select * from trust_anchor where id = ?").param(id).query(AnchorStore::row).optional();
    }

    public Optional<AnchorRecord> findByFingerprint(String fingerprint) {
        return jdbc.sql("select * from trust_anchor where fingerprint = ?").param(fingerprint).query(AnchorStore::row).optional();
    }

    static void insert(JdbcClient tx, AnchorRecord anchor) {
        tx.sql("insert into trust_anchor (id, subject, fingerprint, certificate_der, purposes, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(anchor.id(), anchor.subject(), anchor.fingerprint(), anchor.certificateDer(),
                        anchor.purposes().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                        Timestamps.utc(anchor.createdAt()))
                .update();
    }

    static int delete(JdbcClient tx, String id) {
        return tx.sql("delete from trust_anchor where id = ?").param(id).update();
    }

    private static AnchorRecord row(ResultSet rs, int n) throws SQLException {
        String purposes = rs.getString("purposes");
        Set<Purpose> set = purposes.isBlank() ? Set.of()
                : Arrays.stream(purposes.split(",")).map(Purpose::valueOf).collect(Collectors.toUnmodifiableSet());
        return new AnchorRecord(rs.getString("id"), rs.getString("subject"), rs.getString("fingerprint"),
                rs.getBytes("certificate_der"), set, Timestamps.read(rs, "created_at"));
    }
}
