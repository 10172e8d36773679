package org.fujie.ca.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.fujie.ca.support.EmbeddedCaServiceTest;
import org.fujie.ca.support.FujieTestClient;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Filters and paging of GET /api/v1/audit, the JSON-lines export, and that no secret reaches either. */
class AuditQueryAndExportTests extends EmbeddedCaServiceTest {

    @Test
    void listWhenFilteredThenOnlyMatchingEntries() {
        Instant before = Instant.now();
        String serial = issue("CN=Query Subject", "password 1");

        assertThat(items("actor=FUJIE%20administrator&action=certificate.issue&size=500"))
                .isNotEmpty().allMatch(e -> e.get("actor").asString().contains("CN=Fujie Administrator")
                        && e.get("action").asString().equals("certificate.issue"));
        assertThat(items("target=" + serial.substring(4, 20).toUpperCase())).singleElement()
                .satisfies(e -> assertThat(e.get("target").asString()).isEqualTo("certificate:" + serial));
        assertThat(items("outcome=success&action=ca.bootstrap")).hasSize(2);
        assertThat(items("outcome=DENIED&action=certificate.issue")).isEmpty();
        assertThat(items("action=certificate.issue&from=" + before)).singleElement()
                .satisfies(e -> assertThat(e.get("target").asString()).isEqualTo("certificate:" + serial));
        assertThat(items("action=certificate.issue&to=" + before)).noneMatch(e -> e.get("target").asString().contains(serial));
        assertThat(items("actor=%25")).isEmpty(); // a LIKE wildcard is matched literally
    }

    @Test
    void listWhenPagedThenNewestFirstAndSizeBounded() {
        issue("CN=Paged 1", "password 1");
        issue("CN=Paged 2", "password 2");

        JsonNode first = ca.admin().get("/api/v1/audit?size=1").json();
        JsonNode second = ca.admin().get("/api/v1/audit?size=1&page=1").json();

        assertThat(first.get("items").get(0).get("seq").asLong()).isGreaterThan(second.get("items").get(0).get("seq").asLong());
        assertThat(first.get("total").asLong()).isGreaterThan(2);
        assertThat(ca.admin().get("/api/v1/audit?size=100000").json().get("size").asInt()).isEqualTo(500);
    }

    @Test
    void listAndExportWhenFilterValueBadThen400Problem() {
        List<String> badFilters = List.of("outcome=MAYBE", "from=yesterday", "to=2026-12-03",
                "from=2026-12-03T10:00:00Z&to=2026-12-03T09:00:00Z", "action=" + "x".repeat(65));
        List<String> badPaging = List.of("size=abc", "size=0", "page=-1");
        for (String path : List.of("/api/v1/audit?", "/api/v1/audit/export?")) {
            for (String query : badFilters) {
                assertInvalidQuery(ca.admin().get(path + query), path + query);
            }
        }
        for (String query : badPaging) {
            assertInvalidQuery(ca.admin().get("/api/v1/audit?" + query), query);
        }
    }

    private static void assertInvalidQuery(FujieTestClient.Response response, String query) {
        assertThat(response.status()).as(query).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:fujie:problem:audit-query-invalid");
        assertThat(response.json().get("detail").asString()).doesNotContain("Exception");
    }

    @Test
    void exportWhenAllThenJsonLinesInSeqOrderThatReverifyOffline() throws Exception {
        issue("CN=Exported", "password 1");
        ca.admin().post("/api/v1/audit/checkpoints", Map.of());

        FujieTestClient.Bytes export = ca.admin().getBytes("/api/v1/audit/export");
        JsonNode verification = ca.admin().get("/api/v1/audit/verify").json();

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> lines = lines(export);
        String previous = "0".repeat(64);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            assertThat(line.get("seq").asLong()).isEqualTo(i + 1);
            assertThat(line.get("prevHash").asString()).isEqualTo(previous);
            assertThat(offlineHash(line)).as("line " + (i + 1)).isEqualTo(line.get("hash").asString());
            previous = line.get("hash").asString();
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo((int) verification.get("entriesChecked").asLong());
        assertThat(lines.get((int) verification.get("entriesChecked").asLong() - 1).get("hash").asString())
                .isEqualTo(verification.get("headHash").asString());
    }

    @Test
    void exportWhenFilteredThenOnlyMatchingEntriesInSeqOrder() {
        issue("CN=Filtered Export 1", "password 1");
        issue("CN=Filtered Export 2", "password 2");

        List<JsonNode> lines = lines(ca.admin().getBytes("/api/v1/audit/export?action=certificate.issue&actor=administrator"));

        assertThat(lines).hasSizeGreaterThanOrEqualTo(2).allMatch(e -> e.get("action").asString().equals("certificate.issue"));
        assertThat(lines).extracting(e -> e.get("seq").asLong()).isSorted();
    }

    @Test
    void auditWhenKeyGeneratedWithPasswordAndRevokedThenNoSecretInTheLog() {
        String password = "Pkcs12-Secret-7f3a9c";
        FujieTestClient.Response issued = ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client",
                "subject", "CN=Secret Holder", "keyGeneration", Map.of("algorithm", "EC-P256", "password", password)));
        assertThat(issued.status()).isEqualTo(201);
        String pkcs12 = issued.json().get("pkcs12").asString();
        String serial = issued.json().get("serialNumber").asString();
        assertThat(ca.admin().post("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "keyCompromise")).status())
                .isEqualTo(200);

        String export = new String(ca.admin().getBytes("/api/v1/audit/export").body(), StandardCharsets.UTF_8);
        String listed = ca.admin().get("/api/v1/audit?size=500").body();

        assertThat(export).contains("certificate:" + serial).contains("certificate.revoke");
        for (String log : List.of(export, listed)) {
            assertThat(log).doesNotContain(password).doesNotContain(pkcs12.substring(0, 40))
                    .doesNotContain(pkcs12.substring(pkcs12.length() / 2, pkcs12.length() / 2 + 40))
                    .doesNotContainIgnoringCase("PRIVATE KEY");
        }
    }

    private String issue(String subject, String password) {
        FujieTestClient.Response issued = ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client", "subject", subject,
                "keyGeneration", Map.of("algorithm", "EC-P256", "password", password)));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().get("serialNumber").asString();
    }

    private List<JsonNode> items(String query) {
        FujieTestClient.Response response = ca.admin().get("/api/v1/audit?" + query);
        assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().get("items").forEach(items::add);
        return items;
    }

    private static List<JsonNode> lines(FujieTestClient.Bytes export) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(export.body(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(FujieTestClient.JSON.readTree(line));
            }
        }
        return lines;
    }

    /**
     * The entry hash as an auditor would compute it from the export alone, following the format README
     * documents (not Fujie's code): SHA-256 over length-prefixed UTF-8 fields, "-1:" for an absent one.
     */
    private static String offlineHash(JsonNode line) throws Exception {
        boolean v1 = line.get("roles").isNull() && line.get("outcome").isNull() && line.get("clientAddress").isNull();
        List<String> fields = v1
                ? List.of(line.get("prevHash").asString(), line.get("seq").asString(), line.get("at").asString(),
                        line.get("actor").asString(), line.get("action").asString(), line.get("target").asString(),
                        line.get("details").asString())
                : new ArrayList<>(java.util.Arrays.asList("fujie-audit-v2", line.get("prevHash").asString(), line.get("seq").asString(),
                        line.get("at").asString(), line.get("actor").asString(), line.get("roles").asString(),
                        line.get("action").asString(), line.get("target").asString(), line.get("outcome").asString(),
                        line.get("clientAddress").isNull() ? null : line.get("clientAddress").asString(), line.get("details").asString()));
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (String field : fields) {
            byte[] bytes = field == null ? null : field.getBytes(StandardCharsets.UTF_8);
            sha256.update(((bytes == null ? "-1" : Integer.toString(bytes.length)) + ":").getBytes(StandardCharsets.US_ASCII));
            if (bytes != null) {
                sha256.update(bytes);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
