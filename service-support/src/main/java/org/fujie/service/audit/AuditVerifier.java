package org.fujie.service.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Verifies the audit log and names the first thing that broke. The chain of entries first: each entry
 * must follow the previous one without a gap, name the previous hash and carry the hash of its own
 * fields; the head must point at the last. Then the chain of signed checkpoints: each must verify under
 * the audit key, match the entry it names and name the checkpoint before it; this catches a chain
 * recomputed by someone who could write to the database but does not hold the audit key. Last,
 * entries must not stay unsigned for longer than checkpointing allows, which catches deleted latest
 * checkpoints and a checkpointer that stopped.
 */
final class AuditVerifier {

    private static final int PAGE = 5_000;

    private final JdbcClient jdbc;
    private final AuditCheckpointer checkpoints;
    private final Clock clock;
    private final Duration checkpointInterval;
    private final Duration maxUnsigned;

    /**
     * @param checkpointInterval how often checkpoints are signed; an entry may stay unsigned for two
     *        intervals plus {@code grace} (a missed run, a slow key backend) before it is reported
     */
    AuditVerifier(JdbcClient jdbc, AuditCheckpointer checkpoints, Clock clock, Duration checkpointInterval, Duration grace) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.checkpointInterval = checkpointInterval;
        this.maxUnsigned = checkpointInterval.multipliedBy(2).plus(grace);
    }

    /** Where and why the log broke. */
    private record Break(long seq, AuditProblem problem, String reason) {
    }

    AuditVerification verify() {
        String previous = AuditChain.GENESIS;
        long expectedSeq = 1;
        while (true) {
            List<AuditEntry> entries = jdbc.sql("select * from audit_log where seq >= ? order by seq limit ?")
                    .params(expectedSeq, PAGE).query(AuditEntry::row).list();
            for (AuditEntry entry : entries) {
                Optional<Break> broken = entry.seq() != expectedSeq ? Optional.of(gap(expectedSeq, entry.seq(), previous))
                        : link(entry, previous);
                if (broken.isPresent()) {
                    return failed(expectedSeq - 1, 0, broken.get());
                }
                previous = entry.hash();
                expectedSeq++;
            }
            if (entries.size() < PAGE) {
                break;
            }
        }
        long checked = expectedSeq - 1;
        Optional<Break> head = head(checked, previous);
        if (head.isPresent()) {
            return failed(checked, 0, head.get());
        }
        return checkpoints(checked, previous);
    }

    /** Entry {@code expected} is not where it should be: moved elsewhere (reordered) or gone. */
    private Break gap(long expected, long found, String previous) {
        Optional<Long> moved = seqWhere("prev_hash", previous, expected - 1);
        if (moved.isPresent()) {
            return new Break(expected, AuditProblem.ENTRIES_REORDERED, "entry " + expected + " was moved to seq " + moved.get()
                    + " (it is the entry that links to entry " + (expected - 1) + "): entries were reordered");
        }
        String which = found == expected + 1 ? "entry " + expected + " is" : "entries " + expected + " to " + (found - 1) + " are";
        return new Break(expected, AuditProblem.ENTRY_MISSING, which + " missing: the log has a gap before entry " + found);
    }

    private Optional<Break> link(AuditEntry entry, String previous) {
        long seq = entry.seq();
        boolean linked = entry.prevHash().equals(previous);
        boolean consistent = entry.expectedHash(entry.prevHash()).equals(entry.hash());
        if (linked && consistent) {
            return Optional.empty();
        }
        if (linked) {
            return Optional.of(new Break(seq, AuditProblem.ENTRY_ALTERED, "entry " + seq + " was altered: its fields no longer match its hash"));
        }
        Optional<Long> linkedTo = seqWhere("hash", entry.prevHash(), seq - 1);
        if (linkedTo.isPresent()) {
            return Optional.of(new Break(seq, AuditProblem.ENTRIES_REORDERED, "entry " + seq + " links to the entry now at seq "
                    + linkedTo.get() + ", not to entry " + (seq - 1) + ": entries were reordered"));
        }
        if (consistent && seq > 1) {
            // The entry is intact but names another hash for its predecessor: the predecessor was replaced.
            return Optional.of(new Break(seq - 1, AuditProblem.ENTRY_ALTERED, "entry " + (seq - 1) + " was rewritten: entry " + seq
                    + " names a different hash for it"));
        }
        return Optional.of(new Break(seq, AuditProblem.ENTRY_ALTERED, "entry " + seq + " was altered: it no longer links to "
                + (seq == 1 ? "the start of the chain" : "entry " + (seq - 1))));
    }

    /** The seq of another entry than {@code except} whose {@code column} is {@code value}, if any. */
    private Optional<Long> seqWhere(String column, String value, long except) {
        return jdbc.sql("select seq from audit_log where " + column + " = ? and seq <> ? order by seq limit 1")
                .params(value, except).query(Long.class).optional();
    }

    private Optional<Break> head(long checked, String lastHash) {
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("select last_seq, last_hash from audit_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        if (head.seq() > checked) {
            return Optional.of(new Break(checked + 1, AuditProblem.HEAD_MISMATCH, "the chain head names entry " + head.seq()
                    + " but the log ends at entry " + checked + ": entries were removed at the end"));
        }
        if (head.seq() < checked) {
            return Optional.of(new Break(head.seq() + 1, AuditProblem.HEAD_MISMATCH, "the log goes on to entry " + checked
                    + " past the chain head at entry " + head.seq() + ": entries were added without the writer"));
        }
        if (!head.hash().equals(lastHash)) {
            return Optional.of(new Break(checked, AuditProblem.HEAD_MISMATCH, "the chain head's hash differs from entry " + checked));
        }
        return Optional.empty();
    }

    private AuditVerification checkpoints(long checked, String headHash) {
        Predicate<AuditCheckpoint> signatureValid = checkpoints.signatureCheck();
        long before = 0;
        int verified = 0;
        while (true) {
            List<AuditCheckpoint> page = checkpoints.after(before, PAGE);
            for (AuditCheckpoint checkpoint : page) {
                Optional<Break> broken = checkpoint(checkpoint, before, checked, signatureValid);
                if (broken.isPresent()) {
                    return failed(checked, verified, broken.get());
                }
                before = checkpoint.seq();
                verified++;
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        Optional<Break> unsigned = unsignedTooLong(before, checked);
        return unsigned.isPresent() ? failed(checked, verified, unsigned.get()) : AuditVerification.intact(checked, headHash, verified);
    }

    private Optional<Break> checkpoint(AuditCheckpoint checkpoint, long before, long checked, Predicate<AuditCheckpoint> signatureValid) {
        long seq = checkpoint.seq();
        if (!signatureValid.test(checkpoint)) {
            return Optional.of(new Break(seq, AuditProblem.CHECKPOINT_SIGNATURE_INVALID, "the signature of the checkpoint at entry "
                    + seq + " does not verify"));
        }
        if (!checkpoint.legacy() && checkpoint.previousSeq() > before) {
            return Optional.of(new Break(checkpoint.previousSeq(), AuditProblem.CHECKPOINT_MISSING, "the checkpoint at entry "
                    + checkpoint.previousSeq() + " is missing: the checkpoint at entry " + seq + " names it as the one before it"));
        }
        if (!checkpoint.legacy() && checkpoint.previousSeq() < before) {
            return Optional.of(new Break(seq, AuditProblem.CHECKPOINT_MISMATCH, "the checkpoint at entry " + seq + " names "
                    + (checkpoint.previousSeq() == 0 ? "no checkpoint" : "entry " + checkpoint.previousSeq())
                    + " as the one before it, but there is one at entry " + before));
        }
        if (seq > checked) {
            return Optional.of(new Break(seq, AuditProblem.CHECKPOINT_MISMATCH, "the checkpoint signed at " + checkpoint.signedAt()
                    + " names entry " + seq + ", which is not in the log: entries were removed at the end"));
        }
        String stored = jdbc.sql("select hash from audit_log where seq = ?").param(seq).query(String.class).single();
        if (!checkpoint.hash().equals(stored)) {
            return Optional.of(new Break(seq, AuditProblem.CHECKPOINT_MISMATCH, "entry " + seq + " differs from the checkpoint signed at "
                    + checkpoint.signedAt() + ": the chain was rewritten at or before it"));
        }
        return Optional.empty();
    }

    /**
     * The first entry after the last checkpoint must not be older than two intervals and the grace; its
     * age counts from this instance's start at the earliest, since a service that was down (or crashed
     * before its shutdown checkpoint) could not sign.
     */
    private Optional<Break> unsignedTooLong(long lastSigned, long checked) {
        if (checked <= lastSigned) {
            return Optional.empty();
        }
        long first = lastSigned + 1;
        Instant written = jdbc.sql("select at from audit_log where seq = ?").param(first).query(OffsetDateTime.class).single().toInstant();
        Instant since = written.isAfter(checkpoints.startedAt()) ? written : checkpoints.startedAt();
        Duration unsignedFor = Duration.between(since, clock.instant());
        if (unsignedFor.compareTo(maxUnsigned) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Break(first, AuditProblem.CHECKPOINT_MISSING, "entry " + first + " (written " + written
                + ") is not covered by a signed checkpoint after " + unsignedFor.toSeconds() + " s (checkpoints every "
                + checkpointInterval.toSeconds() + " s): checkpointing stopped or the latest checkpoints were deleted"));
    }

    private static AuditVerification failed(long checked, int checkpointsVerified, Break broken) {
        return AuditVerification.broken(checked, checkpointsVerified, broken.seq(), broken.problem(), broken.reason());
    }
}
