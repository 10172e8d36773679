package org.fujie.ca.audit;

import static org.assertj.core.api.Assertions.assertThat;

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

}
