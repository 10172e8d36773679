package org.fujie.ca.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.fujie.ca.support.RunningCaService;
import org.fujie.service.audit.AuditEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Whoever can write to the database changes, deletes or reorders audit rows, or deletes checkpoints, by
 * SQL; verification names what broke and where. Each test runs on a fresh ca-service whose scheduled
 * checkpoints wait an hour, so only the checkpoints a test signs exist.
 */
abstract class AuditTamperingTests {

    private static final Map<String, Object> NO_SCHEDULED_CHECKPOINT = Map.of("fujie.audit.checkpoint-initial-delay", "1h");

    private RunningCaService ca;

    /** A fresh ca-service on this class's database with these settings. */
    abstract RunningCaService start(Map<String, Object> settings);

    private JdbcClient started(Map<String, Object> settings) {
        ca = start(settings);
        for (int i = 0; i < 5; i++) {
            issue("CN=Audited " + i);
        }
        return ca.bean(JdbcClient.class);
    }

    private JdbcClient started() {
        return started(NO_SCHEDULED_CHECKPOINT);
    }

    @AfterEach
    void stop() {
        if (ca != null) {
            ca.close();
        }
    }

    @Test
    void verifyWhenUntouchedThenIntactAndIssuanceIsLogged() {
        started();

        JsonNode verification = verify();

        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("problem").isNull()).isTrue();
        assertThat(verification.get("entriesChecked").asLong()).isGreaterThanOrEqualTo(5);
        JsonNode issued = ca.admin().get("/api/v1/audit?action=certificate.issue&size=100").json();
        assertThat(issued.get("items").valueStream().map(e -> e.get("details").asString())).anyMatch(d -> d.contains("CN=Audited 3"));
    }

    @Test
    void verifyWhenOneEntryDetailsAlteredThenEntryAlteredWithItsSeq() {
        JdbcClient jdbc = started();
        long victim = seqOf(jdbc, "CN=Audited 2");
        jdbc.sql("update audit_log set details = replace(details, 'Audited 2', 'Forged 2') where seq = ?").param(victim).update();

        assertBroken(victim, "ENTRY_ALTERED", "altered");
    }

    @Test
    void verifyWhenOutcomeRoleOrAddressAlteredThenEntryAltered() {
        JdbcClient jdbc = started();
        long victim = seqOf(jdbc, "CN=Audited 1");
        for (String[] change : new String[][] {{"outcome", "'DENIED'"}, {"roles", "'AUDITOR'"}, {"client_address", "'10.9.8.7'"},
                {"client_address", "null"}}) {
            String column = change[0];
            String original = jdbc.sql("select " + column + " from audit_log where seq = ?").param(victim).query(String.class)
                    .optional().orElse(null);
            jdbc.sql("update audit_log set " + column + " = " + change[1] + " where seq = ?").param(victim).update();

            assertBroken(victim, "ENTRY_ALTERED", "altered");

            jdbc.sql("update audit_log set " + column + " = ? where seq = ?").params(original, victim).update();
            assertThat(verify().get("valid").asBoolean()).as("restored " + column).isTrue();
        }
    }

    @Test
    void verifyWhenEntryDeletedThenEntryMissingWithItsSeq() {
        JdbcClient jdbc = started();
        long victim = seqOf(jdbc, "CN=Audited 3");
        jdbc.sql("delete from audit_log where seq = ?").param(victim).update();

        assertBroken(victim, "ENTRY_MISSING", "entry " + victim + " is missing");
    }

    @Test
    void verifyWhenTwoEntriesSwappedThenEntriesReorderedAtTheFirst() {
        JdbcClient jdbc = started();
        long first = seqOf(jdbc, "CN=Audited 1");
        long second = seqOf(jdbc, "CN=Audited 2");
        jdbc.sql("update audit_log set seq = -1 where seq = ?").param(first).update();
        jdbc.sql("update audit_log set seq = ? where seq = ?").params(first, second).update();
        jdbc.sql("update audit_log set seq = ? where seq = -1").param(second).update();

        assertBroken(first, "ENTRIES_REORDERED", "reordered");
    }

    @Test
    void verifyWhenEntryMovedToTheEndThenEntriesReorderedAtItsPlace() {
        JdbcClient jdbc = started();
        long victim = seqOf(jdbc, "CN=Audited 0");
        long last = jdbc.sql("select max(seq) from audit_log").query(Long.class).single();
        jdbc.sql("update audit_log set seq = ? where seq = ?").params(last + 1, victim).update();

        assertBroken(victim, "ENTRIES_REORDERED", "moved to seq " + (last + 1));
    }

    @Test
    void verifyWhenLastEntryDeletedThenHeadMismatch() {
        JdbcClient jdbc = started();
        long last = jdbc.sql("select max(seq) from audit_log").query(Long.class).single();
        jdbc.sql("delete from audit_log where seq = ?").param(last).update();

        assertBroken(last, "HEAD_MISMATCH", "removed at the end");
    }

    @Test
    void verifyWhenChainRecomputedAfterForgeryThenTheCheckpointAfterItMismatches() {
        JdbcClient jdbc = started();
        assertThat(ca.admin().post("/api/v1/audit/checkpoints", Map.of()).status()).isEqualTo(200);
        long victim = seqOf(jdbc, "CN=Audited 1");

        rewriteChainFrom(jdbc, victim, "Audited 1", "Forged 1");

        long checkpointSeq = ca.admin().get("/api/v1/audit/checkpoints").json().get(0).get("seq").asLong();
        assertBroken(checkpointSeq, "CHECKPOINT_MISMATCH", "rewritten");
    }

    @Test
    void verifyWhenCheckpointSignedTimeChangedThenSignatureInvalid() {
        JdbcClient jdbc = started();
        long checkpointSeq = ca.admin().post("/api/v1/audit/checkpoints", Map.of()).json().get("seq").asLong();
        jdbc.sql("update audit_checkpoint set signed_at = signed_at + interval '1' second").update();

        assertBroken(checkpointSeq, "CHECKPOINT_SIGNATURE_INVALID", "signature");
    }

    @Test
    void verifyWhenCheckpointPreviousSeqChangedThenSignatureInvalid() {
        JdbcClient jdbc = started();
        ca.admin().post("/api/v1/audit/checkpoints", Map.of());
        issue("CN=Between Checkpoints");
        long second = ca.admin().post("/api/v1/audit/checkpoints", Map.of()).json().get("seq").asLong();
        jdbc.sql("update audit_checkpoint set previous_seq = 0 where seq = ?").param(second).update();

        assertBroken(second, "CHECKPOINT_SIGNATURE_INVALID", "signature");
    }

    @Test
    void verifyWhenCheckpointDeletedThenCheckpointMissingWithItsSeq() {
        JdbcClient jdbc = started();
        ca.admin().post("/api/v1/audit/checkpoints", Map.of());
        issue("CN=After First Checkpoint");
        long deleted = ca.admin().post("/api/v1/audit/checkpoints", Map.of()).json().get("seq").asLong();
        issue("CN=After Second Checkpoint");
        ca.admin().post("/api/v1/audit/checkpoints", Map.of());
        assertThat(verify().get("valid").asBoolean()).isTrue();

        jdbc.sql("delete from audit_checkpoint where seq = ?").param(deleted).update();

        assertBroken(deleted, "CHECKPOINT_MISSING", "checkpoint at entry " + deleted + " is missing");
    }

    @Test
    void verifyWhenCheckpointsAndUntouchedThenCountedAndChained() {
        started();
        long first = ca.admin().post("/api/v1/audit/checkpoints", Map.of()).json().get("seq").asLong();
        issue("CN=After Checkpoint");
        JsonNode second = ca.admin().post("/api/v1/audit/checkpoints", Map.of()).json();

        JsonNode verification = verify();

        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("checkpointsVerified").asInt()).isEqualTo(2);
        assertThat(second.get("previousSeq").asLong()).isEqualTo(first);
        assertThat(ca.admin().get("/api/v1/audit/checkpoints").json().get(0).get("previousSeq").asLong()).isZero();
    }

    @Test
    void verifyWhenCheckpointingStoppedThenCheckpointMissingAtTheFirstUnsignedEntry() throws InterruptedException {
        // Checkpoints every second, but the first not for an hour: as if the checkpointer had stopped.
        started(Map.of("fujie.audit.checkpoint-initial-delay", "1h", "fujie.audit.checkpoint-interval", "1s",
                "fujie.audit.checkpoint-grace", "1s"));
        Thread.sleep(3_500);

        assertBroken(1, "CHECKPOINT_MISSING", "not covered by a signed checkpoint");

        ca.admin().post("/api/v1/audit/checkpoints", Map.of());
        assertThat(verify().get("valid").asBoolean()).isTrue();
    }

    private JsonNode verify() {
        return ca.admin().get("/api/v1/audit/verify").json();
    }

    private void assertBroken(long seq, String problem, String reason) {
        JsonNode verification = verify();
        assertThat(verification.get("valid").asBoolean()).as(verification.toString()).isFalse();
        assertThat(verification.get("problem").asString()).as(verification.toString()).isEqualTo(problem);
        assertThat(verification.get("firstBrokenSeq").asLong()).as(verification.toString()).isEqualTo(seq);
        assertThat(verification.get("reason").asString()).contains(reason);
    }

    private void issue(String subject) {
        assertThat(ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client", "subject", subject,
                "keyGeneration", Map.of("algorithm", "EC-P256", "password", "password of " + subject))).status()).isEqualTo(201);
    }

    private static long seqOf(JdbcClient jdbc, String subject) {
        return jdbc.sql("select seq from audit_log where action = 'certificate.issue' and details like ?").param("%" + subject + "%")
                .query(Long.class).single();
    }

    /** What an intruder with write access to the database could do: alter an entry and recompute all hashes after it. */
    private static void rewriteChainFrom(JdbcClient jdbc, long from, String original, String forged) {
        jdbc.sql("update audit_log set details = replace(details, ?, ?) where seq = ?").params(original, forged, from).update();
        String previous = jdbc.sql("select hash from audit_log where seq = ?").param(from - 1).query(String.class).single();
        List<AuditEntry> entries = jdbc.sql("select * from audit_log where seq >= ? order by seq").param(from)
                .query(AuditEntry::row).list();
        for (AuditEntry entry : entries) {
            String hash = entry.expectedHash(previous);
            jdbc.sql("update audit_log set prev_hash = ?, hash = ? where seq = ?").params(previous, hash, entry.seq()).update();
            previous = hash;
        }
        jdbc.sql("update audit_head set last_hash = ? where id = 1").param(previous).update();
    }
}
