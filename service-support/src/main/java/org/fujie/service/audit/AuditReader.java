package org.fujie.service.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the audit log (a page, or everything a query selects, in order) and verifies it. */
public final class AuditReader {

    private static final int EXPORT_PAGE = 1_000;

    private final JdbcClient jdbc;
    private final AuditVerifier verifier;

    /**
     * @param checkpointInterval the configured {@code fujie.audit.checkpoint-interval}
     * @param grace how much longer than two intervals an entry may wait for its checkpoint
     */
    public AuditReader(JdbcClient jdbc, AuditCheckpointer checkpoints, Clock clock, Duration checkpointInterval, Duration grace) {
        this.jdbc = jdbc;
        this.verifier = new AuditVerifier(jdbc, checkpoints, clock, checkpointInterval, grace);
    }

    /** The newest entries first. */
    public List<AuditEntry> page(AuditQuery query, int page, int size) {
        return jdbc.sql("select * from audit_log" + query.where() + " order by seq desc limit :size offset :offset")
                .params(query.parameters())
                .param("size", size)
                .param("offset", (long) page * size)
                .query(AuditEntry::row).list();
    }

    public long count(AuditQuery query) {
        return jdbc.sql("select count(*) from audit_log" + query.where()).params(query.parameters()).query(Long.class).single();
    }

    /**
     * Hands every entry the query selects to {@code sink}, in seq order, reading a page at a time so that
     * the whole log is never in memory.
     */
    public void export(AuditQuery query, Consumer<AuditEntry> sink) {
        long after = 0;
        while (true) {
            Map<String, Object> parameters = query.parameters();
            List<AuditEntry> entries = jdbc.sql("select * from audit_log" + query.where("seq > :after") + " order by seq limit :limit")
                    .params(parameters)
                    .param("after", after)
                    .param("limit", EXPORT_PAGE)
                    .query(AuditEntry::row).list();
            entries.forEach(sink);
            if (entries.size() < EXPORT_PAGE) {
                return;
            }
            after = entries.get(entries.size() - 1).seq();
        }
    }

    /** Walks the entries and checkpoints and reports the first broken link (see {@link AuditVerifier}). */
    public AuditVerification verify() {
        return verifier.verify();
    }
}
