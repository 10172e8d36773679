package org.fujie.service.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every state change of ca-service runs here: the change and its audit entry commit in one
 * transaction, and the entry is chained to the one before it.
 *
 * <p>Changes are group-committed: one writer thread takes whatever is queued, locks the chain head
 * once, applies the changes and appends their entries in order, and commits them together. Callers
 * block until their commit, so nothing is returned that is not stored. The head row lock keeps the
 * chain linear when several instances share the database. If a batch fails, each change of it is
 * retried alone, so one bad change fails only its own caller. The caller's roles and address
 * ({@link AuditContext}) are taken on the caller's thread when it submits, since the writer thread
 * serves no request.
 */
public final class AuditedTransactions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditedTransactions.class);
    private static final int MAX_BATCH = 256;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate batchWriter;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    public AuditedTransactions(JdbcClient jdbc, JdbcTemplate batchWriter, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.batchWriter = batchWriter;
        this.transactions = transactions;
        this.clock = clock;
        this.writer = new Thread(this::writeLoop, "audited-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Applies the change and appends the event in one transaction; returns the change's result once
     * committed. Exceptions of the change reach the caller unchanged.
     */
    public <T> T execute(AuditEvent event, Function<JdbcClient, T> change) {
        return executeAudited(jdbc -> new Audited<>(change.apply(jdbc), event));
    }

    /** A change and the event that describes it, for changes whose audit details depend on what they found. */
    public record Audited<T>(T result, AuditEvent event) {
    }

    /**
     * Like {@link #execute}, for a change that decides its own audit event from the state it reads
     * under its transaction (e.g. "revoked" versus "was already revoked").
     */
    public <T> T executeAudited(Function<JdbcClient, Audited<T>> change) {
        if (!running) {
            throw new IllegalStateException("the audited writer is shut down");
        }
        // Roles and address are the request's on this thread; the writer thread has no request.
        Pending<T> pending = new Pending<>(change, AuditContext.current(), new CompletableFuture<>());
        queue.add(pending);
        try {
            return pending.result.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("audited change failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the commit", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the commit did not complete in time", e);
        }
    }

    /** Appends an event that changes nothing else (e.g. an authentication failure). */
    public void record(AuditEvent event) {
        execute(event, jdbc -> null);
    }

    private void writeLoop() {
        List<Pending<?>> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("audited writer: unexpected failure", e);
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending<?>> batch) {
        List<Object> results;
        try {
            results = transactions.execute(status -> apply(batch));
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                batch.get(0).result.completeExceptionally(batchFailure);
                return;
            }
            for (Pending<?> single : batch) {
                commit(List.of(single));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).complete(results.get(i));
        }
    }

    private List<Object> apply(List<Pending<?>> batch) {
        List<Object> results = new ArrayList<>(batch.size());
        List<AuditEvent> events = new ArrayList<>(batch.size());
        Head head = lockHead(jdbc);
        for (Pending<?> pending : batch) {
            Audited<?> audited = pending.change.apply(jdbc);
            results.add(audited.result());
            events.add(inContext(audited.event(), pending.submitter));
        }
        append(head, events);
        return results;
    }

    /**
     * Appends an event within a transaction the caller runs (for work that must not hold up the
     * writer thread, such as signing a large CRL): locks the chain head until the caller commits, so
     * call it last, just before the commit.
     */
    public void appendWithin(AuditEvent event) {
        append(lockHead(jdbc), List.of(inContext(event, AuditContext.current())));
    }

    private static AuditEvent inContext(AuditEvent event, AuditContext submitter) {
        return event.context() != null ? event : event.withContext(submitter);
    }

    private static Head lockHead(JdbcClient jdbc) {
        return jdbc.sql("select last_seq, last_hash from audit_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
    }

    private void append(Head head, List<AuditEvent> events) {
        long seq = head.seq;
        String previous = head.hash;
        List<Object[]> entries = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            seq++;
            Instant at = AuditChain.storedPrecision(clock.instant());
            String details = JSON.writeValueAsString(event.details());
            AuditContext context = event.context();
            String outcome = event.outcome().name();
            String hash = AuditChain.hashV2(previous, seq, at, event.actor(), context.roles(), event.action(), event.target(),
                    outcome, context.clientAddress(), details);
            entries.add(new Object[] {seq, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), event.actor(), context.roles(),
                    event.action(), event.target(), outcome, context.clientAddress(), details, previous, hash});
            previous = hash;
        }
        // One JDBC batch for all entries: the writer thread is what every request waits for.
        batchWriter.batchUpdate("insert into audit_log (seq, at, actor, roles, action, target, outcome, client_address, details,"
                + " prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entries);
        jdbc.sql("update audit_head set last_seq = ?, last_hash = ? where id = 1").params(seq, previous).update();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        writer.join(10_000);
    }

    private record Head(long seq, String hash) {
    }

    private record Pending<T>(Function<JdbcClient, Audited<T>> change, AuditContext submitter, CompletableFuture<T> result) {
        @SuppressWarnings("unchecked")
        void complete(Object value) {
            result.complete((T) value);
        }
    }
}
