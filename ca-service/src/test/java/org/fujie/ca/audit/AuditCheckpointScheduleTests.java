package org.fujie.ca.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.fujie.ca.support.RunningCaService;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Checkpoints are signed soon after start-up and at a graceful shutdown, besides the interval. */
class AuditCheckpointScheduleTests {

    @Test
    void checkpointWhenServiceStartedThenSignedAfterTheInitialDelay() throws InterruptedException {
        try (RunningCaService ca = RunningCaService.start(Map.of("fujie.audit.checkpoint-initial-delay", "1s",
                "fujie.audit.checkpoint-interval", "1h"))) {
            JsonNode checkpoints = ca.admin().get("/api/v1/audit/checkpoints").json();
            for (int i = 0; i < 100 && checkpoints.isEmpty(); i++) {
                Thread.sleep(100);
                checkpoints = ca.admin().get("/api/v1/audit/checkpoints").json();
            }

            assertThat(checkpoints).hasSize(1);
            assertThat(checkpoints.get(0).get("previousSeq").asLong()).isZero();
            assertThat(checkpoints.get(0).get("seq").asLong()).isPositive();
        }
    }

    @Test
    void checkpointWhenServiceStopsGracefullyThenTheLastEntryIsSigned() {
        try (RunningCaService ca = RunningCaService.start(Map.of("fujie.audit.checkpoint-initial-delay", "1h"))) {
            ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client", "subject", "CN=Before Shutdown",
                    "keyGeneration", Map.of("algorithm", "EC-P256", "password", "password 1")));
            JsonNode before = ca.admin().get("/api/v1/audit/verify").json();
            assertThat(ca.admin().get("/api/v1/audit/checkpoints").json()).isEmpty();

            ca.restart();

            JsonNode checkpoints = ca.admin().get("/api/v1/audit/checkpoints").json();
            assertThat(checkpoints).hasSize(1);
            assertThat(checkpoints.get(0).get("seq").asLong()).isEqualTo(before.get("entriesChecked").asLong());
            assertThat(checkpoints.get(0).get("hash").asString()).isEqualTo(before.get("headHash").asString());
            assertThat(ca.admin().get("/api/v1/audit/verify").json().get("checkpointsVerified").asInt()).isEqualTo(1);
        }
    }
}
