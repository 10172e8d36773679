package org.fujie.seal.seal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.fujie.service.store.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads and writes seals; writes take the transaction's JdbcClient, so each change commits with its audit entry. */
public final class SealStore {

    private static final String COLUMNS = "id, name, organization, seal_type, algorithm, status, made_by, approved_by, key_alias,"
            + " serial_number, certificate_der, chain_pem, not_after, created_at, updated_at";

    private final JdbcClient jdbc;

    public SealStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Seal> find(String id) {
        return find(jdbc, id);
    }

    /** Within a transaction, locking the row: two approvals or a revoke racing an approval are serialised. */
    static Optional<Seal> findForUpdate(JdbcClient tx, String id) {
        return tx.sql("select " + COLUMNS + " from seal where id = ? for update").param(id)
                .query((rs, n) -> seal(rs, keepers(tx, id))).optional();
    }

    private static Optional<Seal> find(JdbcClient db, String id) {
        return db.sql("select " + COLUMNS + " from seal where id = ?").param(id).query((rs, n) -> seal(rs, keepers(db, id))).optional();
    }

    public List<Seal> list(SealStatus status) {
        List<String> ids = status == null
                ? jdbc.sql("select id from seal order by created_at, id").query(String.class).list()
                : jdbc.sql("select id from seal where status = ? order by created_at, id").param(status.name()).query(String.class).list();
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    public Optional<byte[]> image(String id) {
        return jdbc.sql("select image_png from seal where id = ?").param(id).query((rs, n) -> rs.getBytes(1)).optional()
                .filter(png -> png != null);
    }

    static void insert(JdbcClient tx, Seal seal, byte[] imagePng) {
        tx.sql("insert into seal (" + COLUMNS + ", image_png) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seal.id(), seal.name(), seal.organization(), seal.type().name(), seal.algorithm(), seal.status().name(),
                        seal.madeBy(), seal.approvedBy(), seal.keyAlias(), seal.serialNumber(), seal.certificateDer(),
                        seal.chainPem(), seal.notAfter() == null ? null : Timestamps.utc(seal.notAfter()),
                        Timestamps.utc(seal.createdAt()), Timestamps.utc(seal.updatedAt()), imagePng)
                .update();
        for (String keeper : seal.keepers()) {
            tx.sql("insert into seal_keeper (seal_id, keeper) values (?, ?)").params(seal.id(), keeper).update();
        }
    }

    static void approved(JdbcClient tx, Seal seal) {
        tx.sql("update seal set status = ?, approved_by = ?, key_alias = ?, serial_number = ?, certificate_der = ?, chain_pem = ?,"
                        + " not_after = ?, updated_at = ? where id = ?")
                .params(seal.status().name(), seal.approvedBy(), seal.keyAlias(), seal.serialNumber(), seal.certificateDer(),
                        seal.chainPem(), Timestamps.utc(seal.notAfter()), Timestamps.utc(seal.updatedAt()), seal.id())
                .update();
    }

    static void status(JdbcClient tx, String id, SealStatus status, Instant at) {
        tx.sql("update seal set status = ?, updated_at = ? where id = ?").params(status.name(), Timestamps.utc(at), id).update();
    }

    private static List<String> keepers(JdbcClient db, String id) {
        return db.sql("select keeper from seal_keeper where seal_id = ? order by keeper").param(id).query(String.class).list();
    }

    private static Seal seal(ResultSet rs, List<String> keepers) throws SQLException {
        return new Seal(rs.getString("id"), rs.getString("name"), rs.getString("organization"),
                SealType.valueOf(rs.getString("seal_type")), rs.getString("algorithm"), SealStatus.valueOf(rs.getString("status")),
                rs.getString("made_by"), rs.getString("approved_by"), rs.getString("key_alias"), rs.getString("serial_number"),
                rs.getBytes("certificate_der"), rs.getString("chain_pem"), Timestamps.read(rs, "not_after"), keepers,
                Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"));
    }
}
