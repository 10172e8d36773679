package org.fujie.seal.seal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.service.store.Timestamps;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads and writes seals and their certificates; writes take the transaction's JdbcClient, so each change commits with its audit entry. */
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
        insertKeepers(tx, seal.id(), seal.keepers());
    }

    /** The seal's keepers replaced by these (the seal locked by the caller's transaction). */
    static void keepers(JdbcClient tx, String id, List<String> keepers, Instant at) {
        tx.sql("delete from seal_keeper where seal_id = ?").param(id).update();
        insertKeepers(tx, id, keepers);
        tx.sql("update seal set updated_at = ? where id = ?").params(Timestamps.utc(at), id).update();
    }

    private static void insertKeepers(JdbcClient tx, String id, List<String> keepers) {
        for (String keeper : keepers) {
            tx.sql("insert into seal_keeper (seal_id, keeper) values (?, ?)").params(id, keeper).update();
        }
    }

    /**
     * The seal's status, approver and certificate as given; the certificate joins its history, and the one it
     * replaces (after a renewal) is marked replaced.
     */
    static void certified(JdbcClient tx, Seal seal, Instant notBefore) {
        tx.sql("update seal_certificate set replaced_at = ? where seal_id = ? and replaced_at is null")
                .params(Timestamps.utc(seal.updatedAt()), seal.id()).update();
        tx.sql("update seal set status = ?, approved_by = ?, key_alias = ?, serial_number = ?, certificate_der = ?, chain_pem = ?,"
                        + " not_after = ?, updated_at = ? where id = ?")
                .params(seal.status().name(), seal.approvedBy(), seal.keyAlias(), seal.serialNumber(), seal.certificateDer(),
                        seal.chainPem(), Timestamps.utc(seal.notAfter()), Timestamps.utc(seal.updatedAt()), seal.id())
                .update();
        tx.sql("insert into seal_certificate (seal_id, serial_number, key_alias, certificate_der, not_before, not_after, installed_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(seal.id(), seal.serialNumber(), seal.keyAlias(), seal.certificateDer(), Timestamps.utc(notBefore),
                        Timestamps.utc(seal.notAfter()), Timestamps.utc(seal.updatedAt()))
                .update();
    }

    /** The seal's certificates, the first first; the last is its current one. */
    public List<SealCertificate> certificates(String id) {
        return jdbc.sql("select serial_number, certificate_der, not_before, not_after, installed_at, replaced_at, expiry_warned_at"
                        + " from seal_certificate where seal_id = ? order by installed_at, replaced_at nulls last")
                .param(id).query((rs, n) -> certificate(rs)).list();
    }

    /** How many certificates the seal has had (each under a key of its own). */
    public int certificateCount(String id) {
        return jdbc.sql("select count(*) from seal_certificate where seal_id = ?").param(id).query(Integer.class).single();
    }

    /** ACTIVE seals whose current certificate expires at or before the horizon and has not been warned about. */
    List<Seal> expiringUnwarned(Instant horizon) {
        return jdbc.sql("select s.id from seal s join seal_certificate c on c.seal_id = s.id and c.serial_number = s.serial_number"
                        + " where s.status = ? and s.not_after <= ? and c.replaced_at is null and c.expiry_warned_at is null"
                        + " order by s.not_after, s.id")
                .params(SealStatus.ACTIVE.name(), Timestamps.utc(horizon)).query(String.class).list()
                .stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** Marks the certificate warned about, if it is still current and not yet warned: the number of rows changed (0 or 1). */
    static int expiryWarned(JdbcClient tx, String id, String serialNumber, Instant at) {
        return tx.sql("update seal_certificate set expiry_warned_at = ? where seal_id = ? and serial_number = ?"
                        + " and replaced_at is null and expiry_warned_at is null")
                .params(Timestamps.utc(at), id, serialNumber).update();
    }

    static void status(JdbcClient tx, String id, SealStatus status, Instant at) {
        tx.sql("update seal set status = ?, updated_at = ? where id = ?").params(status.name(), Timestamps.utc(at), id).update();
    }

    private static List<String> keepers(JdbcClient db, String id) {
        return db.sql("select keeper from seal_keeper where seal_id = ? order by keeper").param(id).query(String.class).list();
    }

    private static SealCertificate certificate(ResultSet rs) throws SQLException {
        byte[] der = rs.getBytes("certificate_der");
        Instant notBefore = Timestamps.read(rs, "not_before");
        if (notBefore == null) { // recorded before V4, from the seal's row
            try {
                notBefore = new X509CertificateHolder(der).getNotBefore().toInstant();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SealCertificate(rs.getString("serial_number"), der, notBefore, Timestamps.read(rs, "not_after"),
                Timestamps.read(rs, "installed_at"), Timestamps.read(rs, "replaced_at"), Timestamps.read(rs, "expiry_warned_at"));
    }

    private static Seal seal(ResultSet rs, List<String> keepers) throws SQLException {
        return new Seal(rs.getString("id"), rs.getString("name"), rs.getString("organization"),
                SealType.valueOf(rs.getString("seal_type")), rs.getString("algorithm"), SealStatus.valueOf(rs.getString("status")),
                rs.getString("made_by"), rs.getString("approved_by"), rs.getString("key_alias"), rs.getString("serial_number"),
                rs.getBytes("certificate_der"), rs.getString("chain_pem"), Timestamps.read(rs, "not_after"), keepers,
                Timestamps.read(rs, "created_at"), Timestamps.read(rs, "updated_at"));
    }
}
