package org.fujie.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.RunningCaService;
import org.fujie.pki.OpenSsl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.JsonNode;

/**
 * seal-service beside a real ca-service on one data folder, as `./fujie start` runs them: the lifecycle of a
 * seal (four eyes, a certificate from ca-service judged by openssl, suspend, resume, revoke at ca-service too),
 * who may do what, and bad input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealServiceTests {

    private RunningCaService ca;
    private ConfigurableApplicationContext seal;
    private String sealUrl;
    private FujieTestClient admin;
    private FujieTestClient alice;
    private FujieTestClient bob;

    @BeforeAll
    void start() {
        ca = RunningCaService.start(Map.of());
        seal = SealServiceApplication.application().run("--fujie.data-dir=" + ca.dataDir(), "--server.port=0",
                "--fujie.seal.ca-url=" + ca.baseUrl());
        sealUrl = "https://localhost:" + seal.getEnvironment().getProperty("local.server.port");
        admin = FujieTestClient.forPkcs12(sealUrl, ca.dataDir().resolve("bootstrap/admin.p12"),
                ca.dataDir().resolve("bootstrap/admin.pass"), ca.trustChain());
        alice = sealAdmin("CN=Alice Seal Admin,O=Ministry");
        bob = sealAdmin("CN=Bob Seal Admin,O=Ministry");
    }

    @AfterAll
    void stop() {
        if (seal != null) {
            seal.close();
        }
        if (ca != null) {
            ca.close();
        }
    }

    /** A client certificate from ca-service, granted SEAL_ADMIN in seal-service by the bootstrap ADMIN. */
    private FujieTestClient sealAdmin(String subject) {
        FujieTestClient.Response issued = ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client", "subject", subject,
                "keyGeneration", Map.of("algorithm", "EC-P256", "password", "seal-admin")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(admin.put("/api/v1/principals", Map.of("subject", subject, "roles", List.of("SEAL_ADMIN"))).status())
                .isBetween(200, 201);
        return FujieTestClient.forPkcs12(sealUrl, Base64.getDecoder().decode(issued.json().get("pkcs12").asString()),
                "seal-admin".toCharArray(), ca.trustChain());
    }

    private JsonNode make(String name) {
        FujieTestClient.Response made = alice.post("/api/v1/seals", Map.of("name", name, "organization", "北京市数据管理局",
                "type", "CONTRACT", "algorithm", "EC-P256", "keepers", List.of("CN=Keeper,O=Ministry")));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json();
    }

    @Test
    void lifecycleWhenMadeAndApprovedByAnotherThenCertifiedByCaServiceThenSuspendedResumedAndRevoked(@TempDir Path dir)
            throws Exception {
        JsonNode made = make("合同专用章");
        String id = made.get("id").asString();
        assertThat(made.get("status").asString()).isEqualTo("PENDING");
        assertThat(made.get("madeBy").asString()).isEqualTo("CN=Alice Seal Admin,O=Ministry");

        FujieTestClient.Response self = alice.post("/api/v1/seals/" + id + "/approve", Map.of());
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.json().get("type").asString()).isEqualTo("urn:fujie:problem:seal-four-eyes");

        FujieTestClient.Response approved = bob.post("/api/v1/seals/" + id + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(approved.json().get("approvedBy").asString()).isEqualTo("CN=Bob Seal Admin,O=Ministry");
        Files.writeString(dir.resolve("seal.pem"), approved.json().get("certificatePem").asString());
        Files.copy(ca.trustChain(), dir.resolve("chain.pem"));
        OpenSsl openssl = new OpenSsl(dir);
        assertThat(openssl.run("verify", "-CAfile", "chain.pem", "-purpose", "any", "seal.pem")).contains("seal.pem: OK");
        String text = openssl.run("x509", "-in", "seal.pem", "-noout", "-subject", "-ext", "extendedKeyUsage", "-nameopt", "utf8,sep_comma_plus");
        assertThat(text).contains("CN=合同专用章", "OU=合同专用章", "O=北京市数据管理局");
        String serial = approved.json().get("serialNumber").asString();
        assertThat(ca.admin().get("/api/v1/certificates/" + serial).json().get("profile").asString()).isEqualTo("seal");
        assertThat(bob.post("/api/v1/seals/" + id + "/approve", Map.of()).status()).isEqualTo(409);

        assertThat(bob.post("/api/v1/seals/" + id + "/suspend", Map.of()).json().get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(bob.post("/api/v1/seals/" + id + "/suspend", Map.of()).status()).isEqualTo(409);
        assertThat(alice.post("/api/v1/seals/" + id + "/resume", Map.of()).json().get("status").asString()).isEqualTo("ACTIVE");
        FujieTestClient.Response revoked = alice.post("/api/v1/seals/" + id + "/revoke", Map.of("reason", "keyCompromise"));
        assertThat(revoked.json().get("status").asString()).as(revoked.body()).isEqualTo("REVOKED");
        JsonNode atCa = ca.admin().get("/api/v1/certificates/" + serial).json();
        assertThat(atCa.get("status").asString()).as(atCa.toString()).isEqualTo("REVOKED");
        assertThat(alice.post("/api/v1/seals/" + id + "/resume", Map.of()).status()).isEqualTo(409);

        String audit = admin.get("/api/v1/audit?size=100").json().toString();
        assertThat(audit).contains("seal.make", "seal.approve", "seal.suspend", "seal.resume", "seal.revoke");
        assertThat(admin.get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
        assertThat(alice.get("/api/v1/seals?status=REVOKED").json().toString()).contains(id);
    }

    @Test
    void rolesWhenNotASealAdminThenForbiddenAndWithoutACertificateUnauthorized() {
        String id = make("公章").get("id").asString();

        assertThat(admin.post("/api/v1/seals", Map.of("name", "x", "organization", "y")).status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/seals/" + id + "/approve", Map.of()).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/seals/" + id).status()).isEqualTo(200);
        FujieTestClient anonymous = FujieTestClient.anonymous(sealUrl, ca.trustChain());
        assertThat(anonymous.get("/api/v1/seals").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void makeWhenBadInputThenProblemsAndNothingStored() {
        int before = alice.get("/api/v1/seals").json().size();
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("organization", "北京市数据管理局"),
                Map.of("name", "公章", "organization", " "),
                Map.of("name", "公章", "organization", "局", "type", "ROUND"),
                Map.of("name", "公章", "organization", "局", "algorithm", "DSA-1024"),
                Map.of("name", "公章", "organization", "局", "imagePng", Base64.getEncoder().encodeToString("GIF89a".getBytes())),
                Map.of("name", "公章", "organization", "局", "imagePng", "not base64!"),
                Map.of("name", "x".repeat(65), "organization", "局"))) {
            FujieTestClient.Response response = alice.post("/api/v1/seals", bad);
            assertThat(response.status()).as(bad + " -> " + response.body()).isEqualTo(400);
            assertThat(response.json().get("type").asString()).isEqualTo("urn:fujie:problem:seal-invalid");
        }
        assertThat(alice.get("/api/v1/seals").json().size()).isEqualTo(before);
        assertThat(alice.get("/api/v1/seals/no-such-seal").status()).isEqualTo(404);
        assertThat(alice.post("/api/v1/seals/no-such-seal/approve", Map.of()).status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/seals?status=LOST").status()).isEqualTo(400);
    }
}
