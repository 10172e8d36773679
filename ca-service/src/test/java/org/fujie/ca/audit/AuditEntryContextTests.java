package org.fujie.ca.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.fujie.ca.support.EmbeddedCaServiceTest;
import org.fujie.ca.support.FujieTestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Entries carry actor, roles, outcome and client address; denied access is audited, anonymous 401s are not; AUDITOR only reads. */
class AuditEntryContextTests extends EmbeddedCaServiceTest {

    private static final String PASSWORD = "auditor password";

    private FujieTestClient auditor;

    @BeforeAll
    void auditor() {
        FujieTestClient.Response issued = ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client",
                "subject", "CN=Context Auditor,O=Ministry", "keyGeneration", Map.of("algorithm", "EC-P256", "password", PASSWORD)));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(ca.admin().put("/api/v1/principals", Map.of("subject", "CN=Context Auditor,O=Ministry",
                "roles", List.of("AUDITOR"))).status()).isEqualTo(200);
        auditor = FujieTestClient.forPkcs12(ca.baseUrl(), Base64.getDecoder().decode(issued.json().get("pkcs12").asString()),
                PASSWORD.toCharArray(), ca.trustChain());
    }

    @Test
    void entryWhenWrittenForARequestThenCarriesActorRolesOutcomeAndClientAddress() {
        String serial = ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client", "subject", "CN=Context Subject",
                "keyGeneration", Map.of("algorithm", "EC-P256", "password", "password 1"))).json().get("serialNumber").asString();

        JsonNode entry = only("action=certificate.issue&target=" + serial);

        assertThat(entry.get("actor").asString()).contains("CN=Fujie Administrator").contains("[sha256:");
        assertThat(entry.get("roles").asString()).isEqualTo("ADMIN");
        assertThat(entry.get("outcome").asString()).isEqualTo("SUCCESS");
        assertThat(entry.get("clientAddress").asString()).isEqualTo("127.0.0.1");
        assertThat(entry.get("target").asString()).isEqualTo("certificate:" + serial);
        assertThat(entry.get("at").asString()).endsWith("Z");
    }

    @Test
    void entryWhenWrittenOutsideARequestThenSystemWithoutAddress() {
        JsonNode entry = only("action=ca.bootstrap&target=ca:root");

        assertThat(entry.get("roles").asString()).isEqualTo("system");
        assertThat(entry.get("clientAddress").isNull()).isTrue();
        assertThat(entry.get("outcome").asString()).isEqualTo("SUCCESS");
    }

    @Test
    void accessWhenAuditorPostsACheckpointThen403AndAccessDeniedAudited() {
        FujieTestClient.Response refused = auditor.post("/api/v1/audit/checkpoints", Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:fujie:problem:forbidden");
        JsonNode entry = auditor.get("/api/v1/audit?action=access.denied&actor=context%20auditor&size=1").json().get("items").get(0);
        assertThat(entry.get("outcome").asString()).isEqualTo("DENIED");
        assertThat(entry.get("target").asString()).isEqualTo("POST /api/v1/audit/checkpoints");
        assertThat(entry.get("roles").asString()).isEqualTo("AUDITOR");
        assertThat(entry.get("actor").asString()).contains("CN=Context Auditor");
        assertThat(entry.get("clientAddress").asString()).isEqualTo("127.0.0.1");
        assertThat(auditor.get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void accessWhenAnonymousThen401AndNothingAudited() {
        long before = total("action=access.denied");

        assertThat(ca.anonymous().get("/api/v1/audit").status()).isEqualTo(401);
        assertThat(ca.anonymous().post("/api/v1/audit/checkpoints", Map.of()).status()).isEqualTo(401);

        assertThat(total("action=access.denied")).isEqualTo(before);
    }

    @Test
    void auditorWhenReadingThenAllowedAndWhenSigningThenOnlyAdminMay() {
        assertThat(auditor.get("/api/v1/audit").status()).isEqualTo(200);
        assertThat(auditor.get("/api/v1/audit/verify").status()).isEqualTo(200);
        assertThat(auditor.get("/api/v1/audit/checkpoints").status()).isEqualTo(200);
        FujieTestClient.Bytes export = auditor.getBytes("/api/v1/audit/export?action=ca.bootstrap");
        assertThat(export.status()).isEqualTo(200);
        assertThat(new String(export.body(), StandardCharsets.UTF_8)).contains("\"target\":\"ca:root\"");

        assertThat(auditor.post("/api/v1/audit/checkpoints", Map.of()).status()).isEqualTo(403);
        assertThat(ca.admin().post("/api/v1/audit/checkpoints", Map.of()).status()).isEqualTo(200);
    }

    private JsonNode only(String query) {
        JsonNode page = ca.admin().get("/api/v1/audit?" + query).json();
        assertThat(page.get("total").asLong()).as(page.toString()).isEqualTo(1);
        return page.get("items").get(0);
    }

    private long total(String query) {
        return ca.admin().get("/api/v1/audit?size=1&" + query).json().get("total").asLong();
    }
}
