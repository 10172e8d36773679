package org.fujie.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.fujie.ca.support.FujieTestClient;
import org.fujie.pki.operator.KeyBackend;
import org.fujie.pki.pades.TestSealImages;
import org.fujie.pki.pdf.PdfReport;
import org.fujie.pki.validation.Indication;
import org.fujie.seal.seal.ExpiryWarning;
import org.fujie.seal.seal.SealExpiry;
import org.fujie.seal.seal.SealExpiryWarner;
import org.fujie.seal.seal.SealStore;
import org.fujie.service.audit.AuditedTransactions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;

/**
 * Expiry warnings (the clock moved to the certificate's end, not waited for) and renewal: a new key and certificate,
 * the old certificate still valid for what it stamped, and who may renew what.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealRenewalTests {

    private static final String KEEPER = "CN=Renewal Keeper,O=Ministry";

    private RunningSealService service;
    private FujieTestClient alice;
    private FujieTestClient bob;
    private FujieTestClient keeper;

    @BeforeAll
    void start() {
        service = RunningSealService.start();
        alice = service.withRole("CN=Alice Renewal Admin,O=Ministry", "SEAL_ADMIN");
        bob = service.withRole("CN=Bob Renewal Admin,O=Ministry", "SEAL_ADMIN");
        keeper = service.withRole(KEEPER, "SEAL_KEEPER");
    }

    @AfterEach
    void resetClock() {
        service.clock().reset();
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void expiryWarningWhenCertificateExpiresWithinTheWindowThenWarnedOncePerCertificateAndAudited() {
        String id = active("合同专用章");
        String suspended = active("财务专用章");
        assertThat(bob.post("/api/v1/seals/" + suspended + "/suspend", Map.of()).status()).isEqualTo(200);
        JsonNode seal = seal(id);
        Instant notAfter = Instant.parse(seal.get("notAfter").asString());
        String serial = seal.get("serialNumber").asString();
        assertThat(seal.get("expiringSoon").asBoolean()).isFalse();
        assertThat(expiringIds()).doesNotContain(id);
        SealExpiryWarner warner = service.bean(SealExpiryWarner.class);

        service.clock().moveTo(notAfter.minus(Duration.ofDays(31)));
        assertThat(warnedIds(warner.warnExpiring())).as("a day outside the 30-day window").doesNotContain(id);
        assertThat(seal(id).get("expiringSoon").asBoolean()).isFalse();

        service.clock().moveTo(notAfter.minus(Duration.ofDays(29)));
        List<ExpiryWarning> warned = warner.warnExpiring();
        assertThat(warned).contains(new ExpiryWarning(id, "合同专用章", serial, notAfter));
        assertThat(warnedIds(warned)).as("only ACTIVE seals").doesNotContain(suspended);
        assertThat(seal(id).get("expiringSoon").asBoolean()).isTrue();
        assertThat(seal(suspended).get("expiringSoon").asBoolean()).isFalse();
        assertThat(expiringIds()).contains(id).doesNotContain(suspended);
        assertThat(alice.get("/api/v1/seals?expiring=false").json().toString()).contains(id, suspended);

        // The warned certificate is remembered in the database: a restarted instance does not warn again.
        assertThat(warnedIds(restartedWarner().warnExpiring())).doesNotContain(id);
        assertThat(warnedIds(warner.warnExpiring())).doesNotContain(id);
        List<JsonNode> entries = audit("seal.expiry-warning", id);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("actor").asString()).isEqualTo("system:seal-expiry");
        assertThat(entries.get(0).get("details").asString()).contains(serial);
        assertThat(alice.get("/api/v1/seals/" + id + "/certificates").json().get(0).has("expiryWarnedAt")).isTrue();

        // A renewed seal's new certificate is warned about in its turn (ca-service issues it for as long as the first).
        String renewed = bob.post("/api/v1/seals/" + id + "/renew", Map.of()).json().get("serialNumber").asString();
        assertThat(warner.warnExpiring()).filteredOn(w -> w.sealId().equals(id)).extracting(ExpiryWarning::serialNumber)
                .containsExactly(renewed);
        assertThat(warnedIds(warner.warnExpiring())).doesNotContain(id);
        assertThat(audit("seal.expiry-warning", id)).hasSize(2);
        // The service's clock jumped eleven months: without a checkpoint now, the entries written before the jump
        // would rightly count as unsigned for that long (CHECKPOINT_MISSING).
        assertThat(service.admin().post("/api/v1/audit/checkpoints", Map.of()).status()).isEqualTo(200);
        assertThat(service.admin().get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void renewWhenActiveThenNewKeyAndCertificateStampWithItAndTheEarlierStampStillVerifies() throws Exception {
        String id = active("公章");
        JsonNode before = seal(id);
        String oldSerial = before.get("serialNumber").asString();
        byte[] earlier = stamp(id);
        assertThat(StampedPdfs.lastSignerSerial(earlier)).isEqualTo(oldSerial);

        FujieTestClient.Response renewed = bob.post("/api/v1/seals/" + id + "/renew", Map.of());
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
        assertThat(renewed.json().get("status").asString()).isEqualTo("ACTIVE");
        String newSerial = renewed.json().get("serialNumber").asString();
        assertThat(newSerial).isNotEqualTo(oldSerial);
        assertThat(renewed.json().get("certificatePem").asString()).isNotEqualTo(before.get("certificatePem").asString());
        assertThat(service.bean(KeyBackend.class).contains("seal-" + id + "-2")).as("the second key of the seal").isTrue();
        JsonNode atCa = service.ca().admin().get("/api/v1/certificates/" + newSerial).json();
        assertThat(atCa.get("profile").asString()).isEqualTo("seal");
        JsonNode oldAtCa = service.ca().admin().get("/api/v1/certificates/" + oldSerial).json();
        assertThat(atCa.get("subject").asString()).isEqualTo(oldAtCa.get("subject").asString());
        assertThat(oldAtCa.get("status").asString()).as("the old certificate is not revoked").isNotEqualTo("REVOKED");

        JsonNode certificates = alice.get("/api/v1/seals/" + id + "/certificates").json();
        assertThat(certificates).hasSize(2);
        assertThat(certificates.get(0).get("serialNumber").asString()).isEqualTo(oldSerial);
        assertThat(certificates.get(0).get("current").asBoolean()).isFalse();
        assertThat(certificates.get(0).has("replacedAt")).isTrue();
        assertThat(certificates.get(1).get("serialNumber").asString()).isEqualTo(newSerial);
        assertThat(certificates.get(1).get("current").asBoolean()).isTrue();
        assertThat(certificates.get(1).has("replacedAt")).isFalse();
        assertThat(certificates.get(1).get("certificatePem").asString()).isEqualTo(renewed.json().get("certificatePem").asString());

        byte[] later = stamp(id);
        assertThat(StampedPdfs.lastSignerSerial(later)).isEqualTo(newSerial);
        for (byte[] stamped : List.of(earlier, later)) {
            PdfReport report = StampedPdfs.verifyOnline(stamped, service.ca().trustChain());
            assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
        }
        List<JsonNode> entries = audit("seal.renew", id);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("details").asString()).contains("\"oldSerial\":\"" + oldSerial + "\"",
                "\"newSerial\":\"" + newSerial + "\"");

        // Revoking the seal revokes every certificate of it that is still valid, the replaced one too.
        assertThat(alice.post("/api/v1/seals/" + id + "/revoke", Map.of("reason", "keyCompromise")).status()).isEqualTo(200);
        for (String serial : List.of(oldSerial, newSerial)) {
            assertThat(service.ca().admin().get("/api/v1/certificates/" + serial).json().get("status").asString()).isEqualTo("REVOKED");
        }
    }

    @Test
    void renewWhenSuspendedThenStaysSuspendedAndStampsWithTheNewCertificateOnceResumed() throws Exception {
        String id = active("发票专用章");
        assertThat(bob.post("/api/v1/seals/" + id + "/suspend", Map.of()).status()).isEqualTo(200);
        String oldSerial = seal(id).get("serialNumber").asString();

        FujieTestClient.Response renewed = alice.post("/api/v1/seals/" + id + "/renew", Map.of());
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
        assertThat(renewed.json().get("status").asString()).isEqualTo("SUSPENDED");
        String newSerial = renewed.json().get("serialNumber").asString();
        assertThat(newSerial).isNotEqualTo(oldSerial);
        assertThat(keeper.postFiles("/api/v1/seals/" + id + "/stamp", stampRequest()).status()).as("still suspended").isEqualTo(409);

        assertThat(bob.post("/api/v1/seals/" + id + "/resume", Map.of()).status()).isEqualTo(200);
        assertThat(StampedPdfs.lastSignerSerial(stamp(id))).isEqualTo(newSerial);
        assertThat(bob.post("/api/v1/seals/" + id + "/renew", Map.of()).status()).isEqualTo(200);
        assertThat(service.bean(KeyBackend.class).contains("seal-" + id + "-3")).isTrue();
        assertThat(alice.get("/api/v1/seals/" + id + "/certificates").json()).hasSize(3);
    }

    @Test
    void renewWhenPendingOrRevokedOrNotASealAdminThenRefusedAndNothingChanged() {
        String pending = make("合同专用章");
        FujieTestClient.Response refused = bob.post("/api/v1/seals/" + pending + "/renew", Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:fujie:problem:seal-state");
        assertThat(alice.get("/api/v1/seals/" + pending + "/certificates").json()).isEmpty();

        String revoked = active("公章");
        assertThat(alice.post("/api/v1/seals/" + revoked + "/revoke", Map.of()).status()).isEqualTo(200);
        refused = bob.post("/api/v1/seals/" + revoked + "/renew", Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:fujie:problem:seal-state");
        assertThat(alice.get("/api/v1/seals/" + revoked + "/certificates").json()).hasSize(1);

        String active = active("财务专用章");
        assertThat(keeper.post("/api/v1/seals/" + active + "/renew", Map.of()).status()).as("a keeper").isEqualTo(403);
        assertThat(service.admin().post("/api/v1/seals/" + active + "/renew", Map.of()).status()).as("an ADMIN").isEqualTo(403);
        assertThat(FujieTestClient.anonymous(service.url(), service.ca().trustChain()).post("/api/v1/seals/" + active + "/renew",
                Map.of()).status()).isEqualTo(401);
        assertThat(alice.get("/api/v1/seals/" + active + "/certificates").json()).hasSize(1);
        assertThat(audit("seal.renew", active)).isEmpty();

        FujieTestClient.Response missing = bob.post("/api/v1/seals/no-such-seal/renew", Map.of());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("type").asString()).isEqualTo("urn:fujie:problem:seal-not-found");
        assertThat(alice.get("/api/v1/seals/no-such-seal/certificates").status()).isEqualTo(404);
        FujieTestClient.Response badFilter = alice.get("/api/v1/seals?expiring=soon");
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.json().get("type").asString()).isEqualTo("urn:fujie:problem:seal-invalid");
    }

    private String make(String name) {
        FujieTestClient.Response made = alice.post("/api/v1/seals", Map.of("name", name, "organization", "北京市数据管理局",
                "type", "CONTRACT", "imagePng", Base64.getEncoder().encodeToString(TestSealImages.redDisc()), "keepers", List.of(KEEPER)));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().get("id").asString();
    }

    /** Made by Alice, approved by Bob. */
    private String active(String name) {
        String id = make(name);
        FujieTestClient.Response approved = bob.post("/api/v1/seals/" + id + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return id;
    }

    private JsonNode seal(String id) {
        FujieTestClient.Response seal = alice.get("/api/v1/seals/" + id);
        assertThat(seal.status()).as(seal.body()).isEqualTo(200);
        return seal.json();
    }

    private List<String> expiringIds() {
        List<String> ids = new ArrayList<>();
        alice.get("/api/v1/seals?expiring=true").json().forEach(s -> ids.add(s.get("id").asString()));
        return ids;
    }

    private static List<String> warnedIds(List<ExpiryWarning> warnings) {
        return warnings.stream().map(ExpiryWarning::sealId).toList();
    }

    /** What a restarted seal-service would run: a new warner on the same database. */
    private SealExpiryWarner restartedWarner() {
        return new SealExpiryWarner(service.bean(SealStore.class), service.bean(AuditedTransactions.class), service.bean(SealExpiry.class),
                service.clock());
    }

    private List<JsonNode> audit(String action, String sealId) {
        List<JsonNode> entries = new ArrayList<>();
        service.admin().get("/api/v1/audit?size=500&action=" + action).json().get("items").forEach(entry -> {
            if (entry.get("target").asString().equals("seal:" + sealId)) {
                entries.add(entry);
            }
        });
        return entries;
    }

    private static List<FujieTestClient.FilePart> stampRequest() throws Exception {
        return List.of(new FujieTestClient.FilePart("document", "in.pdf", TestDocuments.onePage("关于印章更换的通知")),
                new FujieTestClient.FilePart("options", "options.json", "{\"page\":1,\"x\":380,\"y\":80,\"width\":120}".getBytes()));
    }

    private byte[] stamp(String id) throws Exception {
        FujieTestClient.Bytes stamped = keeper.postFilesForBytes("/api/v1/seals/" + id + "/stamp", stampRequest());
        assertThat(stamped.status()).isEqualTo(200);
        return stamped.body();
    }
}
