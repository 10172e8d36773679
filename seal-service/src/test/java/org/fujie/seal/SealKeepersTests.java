package org.fujie.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.fujie.ca.support.FujieTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;

/**
 * {@code PUT /api/v1/seals/{id}/keepers}: the list replaced in one audited change (old and new lists in the entry), a
 * removed keeper's next stamp refused 403 seal-not-granted, bad input refused with stable types. Who may call it is
 * SealMatrix's row, walked by SealRoleMatrixTests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealKeepersTests {

    private static final String OLD_KEEPER = "CN=Keeper Leaving,O=Ministry";
    private static final String NEW_KEEPER = "CN=Keeper Arriving,O=Ministry";
    private static final String OPTIONS = "{\"page\":1,\"x\":380,\"y\":80,\"width\":120}";

    private RunningSealService service;
    private FujieTestClient maker;
    private FujieTestClient approver;

    @BeforeAll
    void start() {
        service = RunningSealService.start();
        maker = service.withRole("CN=Keepers Seal Maker,O=Ministry", "SEAL_ADMIN");
        approver = service.withRole("CN=Keepers Seal Approver,O=Ministry", "SEAL_ADMIN");
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void keepersWhenReplacedThenTheNewKeeperStampsTheRemovedOneIsRefusedAndTheChangeIsAudited() throws Exception {
        FujieTestClient leaving = service.withRole(OLD_KEEPER, "SEAL_KEEPER");
        FujieTestClient arriving = service.withRole(NEW_KEEPER, "SEAL_KEEPER");
        String id = activeSeal("交接专用章", OLD_KEEPER);
        assertThat(stamp(leaving, id).status()).isEqualTo(200);

        FujieTestClient.Response replaced = approver.put("/api/v1/seals/" + id + "/keepers", Map.of("keepers", List.of(NEW_KEEPER)));
        FujieTestClient.Response again = approver.put("/api/v1/seals/" + id + "/keepers", Map.of("keepers", List.of(NEW_KEEPER)));

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("keepers").valueStream().map(JsonNode::asString)).containsExactly(NEW_KEEPER);
        assertThat(again.status()).as("sent again: the same list").isEqualTo(200);
        assertThat(again.json().get("keepers").valueStream().map(JsonNode::asString)).containsExactly(NEW_KEEPER);
        FujieTestClient.Bytes refused = stamp(leaving, id);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("urn:fujie:problem:seal-not-granted");
        assertThat(stamp(arriving, id).status()).isEqualTo(200);
        JsonNode entries = service.admin().get("/api/v1/audit?action=seal.keepers&target=seal:" + id).json().get("items");
        assertThat(entries.valueStream().map(e -> e.get("actor").asString())).hasSize(2)
                .allSatisfy(actor -> assertThat(actor).contains("CN=Keepers Seal Approver,O=Ministry"));
        // Newest first: the repeat (nothing more changed), then the change itself.
        assertThat(entries.get(0).get("details").asString()).contains("\"old\":\"" + NEW_KEEPER + "\"", "\"new\":\"" + NEW_KEEPER + "\"");
        assertThat(entries.get(1).get("details").asString()).contains("\"old\":\"" + OLD_KEEPER + "\"", "\"new\":\"" + NEW_KEEPER + "\"");
    }

    @Test
    void keepersWhenBadInputThenRefusedWithStableTypesAndNothingChanged() {
        String id = make("输入专用章", OLD_KEEPER);
        String path = "/api/v1/seals/" + id + "/keepers";

        assertProblem(approver.put(path, Map.of("keepers", List.of())), 400, "seal-invalid");
        assertProblem(approver.put(path, Map.of()), 400, "seal-invalid");
        assertProblem(approver.put(path, Map.of("keepers", List.of(" "))), 400, "seal-invalid");
        assertProblem(approver.send("PUT", path, "application/json", "{\"keepers\":{\"a\":1}}".getBytes(StandardCharsets.UTF_8)), 400,
                "malformed-request");
        assertProblem(approver.put("/api/v1/seals/nonexistent/keepers", Map.of("keepers", List.of(NEW_KEEPER))), 404, "seal-not-found");

        assertThat(service.admin().get("/api/v1/seals/" + id).json().get("keepers").valueStream().map(JsonNode::asString))
                .containsExactly(OLD_KEEPER);
    }

    @Test
    void keepersWhenTheSealIsRevokedThen409SealState() {
        String id = activeSeal("注销专用章", OLD_KEEPER);
        assertThat(approver.post("/api/v1/seals/" + id + "/revoke", Map.of("reason", "superseded")).status()).isEqualTo(200);

        assertProblem(approver.put("/api/v1/seals/" + id + "/keepers", Map.of("keepers", List.of(NEW_KEEPER))), 409, "seal-state");
    }

    private static void assertProblem(FujieTestClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:fujie:problem:" + type);
    }

    private String make(String name, String keeper) {
        FujieTestClient.Response made = maker.post("/api/v1/seals", Map.of("name", name, "organization", "北京市数据管理局",
                "type", "CONTRACT", "algorithm", "EC-P256", "keepers", List.of(keeper)));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("id").asString();
    }

    private String activeSeal(String name, String keeper) {
        String id = make(name, keeper);
        FujieTestClient.Response approved = approver.post("/api/v1/seals/" + id + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }

    private static FujieTestClient.Bytes stamp(FujieTestClient keeper, String seal) throws IOException {
        return keeper.postFilesForBytes("/api/v1/seals/" + seal + "/stamp", List.of(
                new FujieTestClient.FilePart("document", "in.pdf", TestDocuments.onePage("keepers")),
                new FujieTestClient.FilePart("options", "options.json", OPTIONS.getBytes(StandardCharsets.UTF_8))));
    }
}
