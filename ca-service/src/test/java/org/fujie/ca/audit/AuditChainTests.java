package org.fujie.ca.audit;

import org.fujie.service.audit.AuditEntry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.fujie.ca.support.RunningCaService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The audit chain verifies, and altering, removing or truncating entries is found and named. */
class AuditChainTests {

    private RunningCaService ca;

    @BeforeEach
    void start() {
        ca = RunningCaService.embedded();
        for (int i = 0; i < 5; i++) {
            ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client", "subject", "CN=Audited " + i,
                    "keyGeneration", Map.of("algorithm", "EC-P256", "password", "password " + i)));
        }
    }

    @AfterEach
    void stop() {
        ca.close();
    }

    @Test
    void verifyWhenUntouchedThenIntactAndIssuanceIsLogged() {
        JsonNode verification = ca.admin().get("/api/v1/audit/verify").json();

        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("entriesChecked").asLong()).isGreaterThanOrEqualTo(5);
        JsonNode issued = ca.admin().get("/api/v1/audit?action=certificate.issue&size=100").json();
        assertThat(issued.get("items").valueStream().map(e -> e.get("details").asString()))
                .anyMatch(d -> d.contains("CN=Audited 3"));
    }

    @Test
    void verifyWhenOneEntryAlteredThenThatEntryIsNamed() {
        JdbcClient jdbc = ca.bean(JdbcClient.class);
        long victim = jdbc.sql("select seq from audit_log where details like '%CN=Audited 2%'").query(Long.class).single();
        jdbc.sql("update audit_log set details = replace(details, 'Audited 2', 'Forged 2') where seq = ?").param(victim).update();

        JsonNode verification = ca.admin().get("/api/v1/audit/verify").json();

        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("firstBrokenSeq").asLong()).isEqualTo(victim);
        assertThat(verification.get("reason").asString()).contains("altered");
    }

    @Test
    void verifyWhenEntryDeletedThenGapIsNamed() {
        JdbcClient jdbc = ca.bean(JdbcClient.class);
        jdbc.sql("delete from audit_log where seq = 3").update();

        JsonNode verification = ca.admin().get("/api/v1/audit/verify").json();

        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("firstBrokenSeq").asLong()).isEqualTo(3);
    }

    @Test
    void verifyWhenLastEntriesTruncatedThenHeadMismatchIsReported() {
        JdbcClient jdbc = ca.bean(JdbcClient.class);
        long last = jdbc.sql("select max(seq) from audit_log").query(Long.class).single();
        jdbc.sql("delete from audit_log where seq = ?").param(last).update();

        JsonNode verification = ca.admin().get("/api/v1/audit/verify").json();

        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("reason").asString()).contains("head");
    }


    @Test
    void verifyWhenChainRecomputedAfterForgeryThenOnlyTheSignedCheckpointCatchesIt() {
        assertThat(ca.admin().post("/api/v1/audit/checkpoints", Map.of()).status()).isEqualTo(200);
        JdbcClient jdbc = ca.bean(JdbcClient.class);
        long victim = jdbc.sql("select seq from audit_log where details like '%CN=Audited 1%'").query(Long.class).single();

        rewriteChainFrom(jdbc, victim, "Audited 1", "Forged 1");

        JsonNode verification = ca.admin().get("/api/v1/audit/verify").json();
        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("reason").asString()).contains("checkpoint");
        long checkpointSeq = ca.admin().get("/api/v1/audit/checkpoints").json().get(0).get("seq").asLong();
        assertThat(verification.get("firstBrokenSeq").asLong()).isEqualTo(checkpointSeq);
    }

    @Test
    void verifyWhenCheckpointSignatureForgedThenReported() {
        ca.admin().post("/api/v1/audit/checkpoints", Map.of());
        JdbcClient jdbc = ca.bean(JdbcClient.class);
        jdbc.sql("update audit_checkpoint set signed_at = signed_at + interval '1' second").update();

        JsonNode verification = ca.admin().get("/api/v1/audit/verify").json();

        assertThat(verification.get("valid").asBoolean()).isFalse();
        assertThat(verification.get("reason").asString()).contains("signature");
    }

    @Test
    void verifyWhenCheckpointedAndUntouchedThenCheckpointsCounted() {
        ca.admin().post("/api/v1/audit/checkpoints", Map.of());
        ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client", "subject", "CN=After Checkpoint",
                "keyGeneration", Map.of("algorithm", "EC-P256", "password", "password x")));
        ca.admin().post("/api/v1/audit/checkpoints", Map.of());

        JsonNode verification = ca.admin().get("/api/v1/audit/verify").json();

        assertThat(verification.get("valid").asBoolean()).isTrue();
        assertThat(verification.get("checkpointsVerified").asInt()).isEqualTo(2);
    }

    /** What an intruder with write access to the database could do: alter an entry and recompute all hashes after it. */
    private static void rewriteChainFrom(JdbcClient jdbc, long from, String original, String forged) {
        jdbc.sql("update audit_log set details = replace(details, ?, ?) where seq = ?").params(original, forged, from).update();
        String previous = jdbc.sql("select hash from audit_log where seq = ?").param(from - 1).query(String.class).single();
        List<AuditEntry> entries = jdbc.sql("select * from audit_log where seq >= ? order by seq").param(from)
                .query((rs, n) -> new AuditEntry(rs.getLong("seq"), rs.getObject("at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("details"),
                        rs.getString("prev_hash"), rs.getString("hash")))
                .list();
        for (AuditEntry entry : entries) {
            String hash = entry.expectedHash(previous);
            jdbc.sql("update audit_log set prev_hash = ?, hash = ? where seq = ?").params(previous, hash, entry.seq()).update();
            previous = hash;
        }
        jdbc.sql("update audit_head set last_hash = ? where id = 1").param(previous).update();
    }
}
