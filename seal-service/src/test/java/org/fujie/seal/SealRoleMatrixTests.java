package org.fujie.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.matrix.ClientCertificates;
import org.fujie.ca.support.matrix.CredentialKind;
import org.fujie.ca.support.matrix.EndpointDiscovery;
import org.fujie.ca.support.matrix.RoleMatrixWalk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;

/**
 * Every endpoint of the running seal-service, called with every role and with none, answers as {@link SealMatrix}
 * says; and a SEAL_KEEPER reaches only the seals that name it (one service start for both).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealRoleMatrixTests {

    private static final String KEEPER_A = "CN=Keeper of Seal A,O=Ministry";
    private static final String KEEPER_B = "CN=Keeper of Seal B,O=Ministry";
    private static final String OPTIONS = "{\"page\":1,\"x\":380,\"y\":80,\"width\":120}";

    private RunningSealService service;
    /** The credential kinds the table is walked with; each new kind is one more entry. */
    private List<CredentialKind> credentials;
    private FujieTestClient keeperA;
    private String sealA;
    private String sealB;

    @BeforeAll
    void start() {
        service = RunningSealService.start();
        credentials = List.of(ClientCertificates.issuedBy(service.ca()).grantedIn(service.admin()));
        FujieTestClient maker = service.withRole("CN=Matrix Seal Maker,O=Ministry", "SEAL_ADMIN");
        FujieTestClient approver = service.withRole("CN=Matrix Seal Approver,O=Ministry", "SEAL_ADMIN");
        keeperA = service.withRole(KEEPER_A, "SEAL_KEEPER");
        sealA = activeSeal(maker, approver, "合同专用章", KEEPER_A);
        sealB = activeSeal(maker, approver, "财务专用章", KEEPER_B);
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void matrixWhenComparedWithTheRunningServiceThenEveryEndpointHasExactlyOneRule() {
        assertThat(SealMatrix.TABLE.coverageProblems(EndpointDiscovery.filtered(EndpointDiscovery.of(service.context()), "/console", false),
                "seal-service")).isEmpty();
    }

    @Test
    void matrixWhenReadThenAuditorReadsEverythingAndChangesNothing() {
        assertThat(SealMatrix.TABLE.auditorProblems()).isEmpty();
    }

    @Test
    void everyEndpointWhenCalledWithEachRoleAndWithoutCredentialThenAllowedOrDeniedAsTheMatrixSays() {
        FujieTestClient anonymous = FujieTestClient.anonymous(service.url(), service.ca().trustChain());
        assertThat(RoleMatrixWalk.violations(SealMatrix.TABLE, service.url(), anonymous, credentials)).isEmpty();
    }

    @Test
    void stampWhenKeeperOfSealAStampsWithSealBThen403SealNotGrantedAndNoUsageRecorded() throws Exception {
        byte[] pdf = TestDocuments.onePage("keeper scope");

        FujieTestClient.Bytes own = stamp(sealA, pdf);
        FujieTestClient.Bytes other = stamp(sealB, pdf);

        assertThat(own.status()).as(new String(own.body())).isEqualTo(200);
        assertThat(other.status()).isEqualTo(403);
        assertThat(FujieTestClient.JSON.readTree(other.body()).get("type").asString()).isEqualTo("urn:fujie:problem:seal-not-granted");
        assertThat(service.admin().get("/api/v1/seals/" + sealB + "/usage").json()).isEmpty();
    }

    @Test
    void usageWhenKeeperReadsAnotherKeepersSealThen403AndItsOwnThenTheRecords() throws Exception {
        assertThat(stamp(sealA, TestDocuments.onePage("usage")).status()).isEqualTo(200);

        FujieTestClient.Response own = keeperA.get("/api/v1/seals/" + sealA + "/usage");
        FujieTestClient.Response other = keeperA.get("/api/v1/seals/" + sealB + "/usage");

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().valueStream().map(usage -> usage.get("keeper").asString())).isNotEmpty().containsOnly(KEEPER_A);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().get("type").asString()).isEqualTo("urn:fujie:problem:seal-not-granted");
    }

    @Test
    void sealsWhenKeeperReadsThenOnlyTheSealsNamingItAndAnotherSealIs403() {
        JsonNode listed = keeperA.get("/api/v1/seals").json();
        assertThat(listed.valueStream().map(seal -> seal.get("id").asString())).contains(sealA).doesNotContain(sealB);
        assertThat(keeperA.get("/api/v1/seals/" + sealA).status()).isEqualTo(200);
        for (String read : List.of("", "/image.png", "/certificates", "/eseal")) {
            FujieTestClient.Bytes response = keeperA.getBytes("/api/v1/seals/" + sealB + read);
            assertThat(response.status()).as("GET seal B" + read).isEqualTo(403);
            assertThat(new String(response.body())).as("GET seal B" + read).contains("urn:fujie:problem:seal-not-granted");
        }
        assertThat(service.admin().get("/api/v1/seals").json().valueStream().map(seal -> seal.get("id").asString()))
                .as("an ADMIN sees every seal").contains(sealA, sealB);
    }

    private FujieTestClient.Bytes stamp(String seal, byte[] pdf) {
        return keeperA.postFilesForBytes("/api/v1/seals/" + seal + "/stamp", List.of(new FujieTestClient.FilePart("document", "in.pdf", pdf),
                new FujieTestClient.FilePart("options", "options.json", OPTIONS.getBytes())));
    }

    private static String activeSeal(FujieTestClient maker, FujieTestClient approver, String name, String keeper) {
        FujieTestClient.Response made = maker.post("/api/v1/seals", Map.of("name", name, "organization", "北京市数据管理局",
                "type", "CONTRACT", "algorithm", "EC-P256", "keepers", List.of(keeper)));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String id = made.json().get("id").asString();
        FujieTestClient.Response approved = approver.post("/api/v1/seals/" + id + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }
}
