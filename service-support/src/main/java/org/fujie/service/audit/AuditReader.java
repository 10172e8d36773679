package org.fujie.service.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the audit log and verifies its chain. */
public final class AuditReader {

    private static final int VERIFY_PAGE = 5_000;

    private final JdbcClient jdbc;
    private final AuditCheckpointer checkpoints;

    public AuditReader(JdbcClient jdbc, AuditCheckpointer checkpoints) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
    }

    public List<AuditEntry> page(String action, int page, int size) {
        String where = action == null ? "" : "where action = :action ";
        var spec = jdbc.sql("select * from audit_log " + where + "order by seq desc limit :size offset :offset")
                .param("size", size)
                .param("offset", (long) page * size);
        if (action != null) {
            spec = spec.param("action", action);
        }
        return spec.query(AuditReader::entry).list();
    }

    public long count(String action) {
        return action == null
                ? jdbc.sql("select count(*) from audit_log").query(Long.class).single()
                : jdbc.sql("select count(*) from audit_log where action = ?").param(action).query(Long.class).single();
    }

    /**
     * Walks the whole chain from the first entry: each entry must follow the previous one without a gap,
     * name the previous hash, and carry the hash of its own fields; the head must point at the last.
     * Then every signed checkpoint must verify and match the entry it names: this catches a chain
     * recomputed by someone who could write to the database but does not hold the audit key.
     */
    public AuditVerification verify() {
        String previous = AuditChain.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (true) {
            List<AuditEntry> entries = jdbc.sql("select * from audit_log where seq >= ? order by seq limit ?")
                    .params(expectedSeq, VERIFY_PAGE)
                    .query(AuditReader::entry)
                    .list();
            for (AuditEntry entry : entries) {
                if (entry.seq() != expectedSeq) {
                    return AuditVerification.broken(checked, expectedSeq, "entry " + expectedSeq + " is missing");
                }
                if (!entry.prevHash().equals(previous)) {
                    return AuditVerification.broken(checked, entry.seq(), "entry " + entry.seq() + " does not link to its predecessor");
                }
                if (!entry.expectedHash(previous).equals(entry.hash())) {
                    return AuditVerification.broken(checked, entry.seq(), "entry " + entry.seq() + " was altered");
                }
                previous = entry.hash();
                expectedSeq++;
                checked++;
            }
            if (entries.size() < VERIFY_PAGE) {
                break;
            }
        }
        record HeadRow(long seq, String hash) {
        }
        HeadRow head = jdbc.sql("select last_seq, last_hash from audit_head where id = 1")
                .query((rs, n) -> new HeadRow(rs.getLong(1), rs.getString(2))).single();
        if (head.seq() != checked || !head.hash().equals(previous)) {
            return AuditVerification.broken(checked, head.seq(), "the chain head does not match the last entry (entries removed at the end?)");
        }
        int verifiedCheckpoints = 0;
        for (AuditCheckpoint checkpoint : checkpoints.all()) {
            if (!checkpoints.signatureValid(checkpoint)) {
                return AuditVerification.broken(checked, checkpoint.seq(), "the signature of the checkpoint at entry "
                        + checkpoint.seq() + " does not verify");
            }
            String stored = jdbc.sql("select hash from audit_log where seq = ?").param(checkpoint.seq()).query(String.class)
                    .optional().orElse(null);
            if (!checkpoint.hash().equals(stored)) {
                return AuditVerification.broken(checked, checkpoint.seq(), "entry " + checkpoint.seq()
                        + " differs from the checkpoint signed at " + checkpoint.signedAt() + ": the chain was rewritten at or before it");
            }
            verifiedCheckpoints++;
        }
        return AuditVerification.intact(checked, previous, verifiedCheckpoints);
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("details"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
