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

import tools.jackson.databind.JsonNode;

/**
 * seal-service beside a real ca-service on one data folder, as `./fujie start` runs them: the lifecycle of a
 * seal (four eyes, a certificate from ca-service judged by openssl, suspend, resume, revoke at ca-service too),
 * who may do what, and bad input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealServiceTests {

    private RunningSealService service;
    private RunningCaService ca;
    private String sealUrl;
    private FujieTestClient admin;
    private FujieTestClient alice;
    private FujieTestClient bob;

    @BeforeAll
    void start() {
        service = RunningSealService.start();
        ca = service.ca();
        sealUrl = service.url();
        admin = service.admin();
        alice = sealAdmin("CN=Alice Seal Admin,O=Ministry");
        bob = sealAdmin("CN=Bob Seal Admin,O=Ministry");
    }

    @AfterAll
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private FujieTestClient sealAdmin(String subject) {
        return withRole(subject, "SEAL_ADMIN");
    }

    private FujieTestClient withRole(String subject, String role) {
        return service.withRole(subject, role);
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
        FujieTestClient.Response drawn = alice.get("/api/v1/seals/" + id + "/image.png");
        assertThat(drawn.status()).as("the standard seal is drawn when no image is given").isEqualTo(200);
        assertThat(drawn.contentType()).isEqualTo("image/png");

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
    void stampWhenKeeperGrantedThenAVisibleSealAndAValidPadesSignatureAndAUsageRecord(@TempDir Path dir) throws Exception {
        FujieTestClient keeper = withRole("CN=Keeper One,O=Ministry", "SEAL_KEEPER");
        FujieTestClient otherKeeper = withRole("CN=Keeper Two,O=Ministry", "SEAL_KEEPER");
        String png = Base64.getEncoder().encodeToString(org.fujie.pki.pades.TestSealImages.redDisc());
        String id = alice.post("/api/v1/seals", Map.of("name", "公章", "organization", "北京市数据管理局", "type", "OFFICIAL",
                "imagePng", png, "keepers", List.of("CN=Keeper One,O=Ministry"))).json().get("id").asString();
        byte[] pdf = org.fujie.seal.TestDocuments.onePage("关于数据共享的批复");
        List<FujieTestClient.FilePart> request = List.of(new FujieTestClient.FilePart("document", "in.pdf", pdf),
                new FujieTestClient.FilePart("options", "options.json", "{\"page\":1,\"x\":380,\"y\":80,\"width\":120}".getBytes()));

        assertThat(keeper.postFiles("/api/v1/seals/" + id + "/stamp", request).status()).as("pending").isEqualTo(409);
        assertThat(bob.post("/api/v1/seals/" + id + "/approve", Map.of()).status()).isEqualTo(200);
        FujieTestClient.Response notGranted = otherKeeper.postFiles("/api/v1/seals/" + id + "/stamp", request);
        assertThat(notGranted.status()).isEqualTo(403);
        assertThat(notGranted.json().get("type").asString()).isEqualTo("urn:fujie:problem:seal-not-granted");
        JsonNode denied = admin.get("/api/v1/audit?action=access.denied&outcome=DENIED&actor=keeper%20two").json().get("items").get(0);
        assertThat(denied.get("target").asString()).isEqualTo("POST /api/v1/seals/" + id + "/stamp");
        assertThat(denied.get("roles").asString()).isEqualTo("SEAL_KEEPER");
        assertThat(denied.get("details").asString()).contains("seal-not-granted");
        assertThat(bob.postFiles("/api/v1/seals/" + id + "/stamp", request).status()).as("a SEAL_ADMIN does not stamp").isEqualTo(403);

        FujieTestClient.Bytes stamped = keeper.postFilesForBytes("/api/v1/seals/" + id + "/stamp", request);
        assertThat(stamped.status()).isEqualTo(200);
        assertThat(stamped.contentType()).isEqualTo("application/pdf");
        org.fujie.pki.pdf.PdfReport report = StampedPdfs.verifyOnline(stamped.body(), ca.trustChain());
        assertThat(report.indication()).as(report.toString()).isEqualTo(org.fujie.pki.validation.Indication.TOTAL_PASSED);
        assertThat(report.signatures().get(0).signer()).contains("CN=公章");
        if (org.fujie.pki.pdf.Pdfsig.installed()) {
            assertThat(org.fujie.pki.pdf.Pdfsig.trusting(dir).check(stamped.body())).contains("Signature is Valid.", "Total document signed");
        }

        JsonNode usage = alice.get("/api/v1/seals/" + id + "/usage").json();
        assertThat(usage).hasSize(1);
        assertThat(usage.get(0).get("keeper").asString()).isEqualTo("CN=Keeper One,O=Ministry");
        assertThat(usage.get(0).get("inputSha256").asString()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(pdf)));
        assertThat(usage.get(0).get("outputSha256").asString()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(stamped.body())));
        assertThat(admin.get("/api/v1/audit?action=seal.stamp").json().toString()).contains(id);

        FujieTestClient.Response offPage = keeper.postFiles("/api/v1/seals/" + id + "/stamp", List.of(request.get(0),
                new FujieTestClient.FilePart("options", "o.json", "{\"page\":9,\"x\":1,\"y\":1,\"width\":100}".getBytes())));
        assertThat(offPage.status()).isEqualTo(400);
        assertThat(offPage.json().get("type").asString()).isEqualTo("urn:fujie:problem:stamp-invalid");
        FujieTestClient.Response notPdf = keeper.postFiles("/api/v1/seals/" + id + "/stamp", List.of(
                new FujieTestClient.FilePart("document", "x.pdf", "hello".getBytes()), request.get(1)));
        assertThat(notPdf.status()).isEqualTo(400);
        assertThat(bob.post("/api/v1/seals/" + id + "/suspend", Map.of()).status()).isEqualTo(200);
        assertThat(keeper.postFiles("/api/v1/seals/" + id + "/stamp", request).status()).as("suspended").isEqualTo(409);
        assertThat(alice.get("/api/v1/seals/" + id + "/usage").json()).hasSize(1);
        assertThat(bob.post("/api/v1/seals/" + id + "/resume", Map.of()).status()).isEqualTo(200);

        // Centred on a keyword of the page text (onePage draws "... data sharing approved" at (72, 700)).
        FujieTestClient.Bytes onKeyword = keeper.postFilesForBytes("/api/v1/seals/" + id + "/stamp", List.of(request.get(0),
                new FujieTestClient.FilePart("options", "o.json", "{\"keyword\":\"approved\",\"width\":80}".getBytes())));
        assertThat(onKeyword.status()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument stampedDocument = org.apache.pdfbox.Loader.loadPDF(onKeyword.body())) {
            org.apache.pdfbox.pdmodel.common.PDRectangle rect = stampedDocument.getSignatureFields().get(0).getWidgets().get(0).getRectangle();
            assertThat(rect.getLowerLeftY()).isBetween(660f, 720f);
            assertThat(rect.getLowerLeftX()).isBetween(150f, 400f);
            assertThat(rect.getWidth()).isEqualTo(80f);
        }
        FujieTestClient.Response missing = keeper.postFiles("/api/v1/seals/" + id + "/stamp", List.of(request.get(0),
                new FujieTestClient.FilePart("options", "o.json", "{\"keyword\":\"rejected\"}".getBytes())));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString()).contains("keyword");
        // No trust-service here: the TSA of a B-T stamp does not answer, so nothing is stamped or recorded.
        FujieTestClient.Response noTsa = keeper.postFiles("/api/v1/seals/" + id + "/stamp", List.of(request.get(0),
                new FujieTestClient.FilePart("options", "o.json", "{\"page\":1,\"x\":1,\"y\":1,\"level\":\"B-T\"}".getBytes())));
        assertThat(noTsa.status()).as(noTsa.body()).isEqualTo(503);
        assertThat(noTsa.json().get("type").asString()).isEqualTo("urn:fujie:problem:stamp-unavailable");
        assertThat(alice.get("/api/v1/seals/" + id + "/usage").json()).hasSize(2);
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
    void makeWhenBadInputThenProblemsAndNothingStored() throws Exception {
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
        byte[] bomb = org.fujie.pki.pades.TestSealImages.redDisc();
        java.nio.ByteBuffer.wrap(bomb, 16, 8).putInt(100_000).putInt(100_000); // IHDR claims 100000x100000
        for (byte[] png : List.of(TestDocuments.png(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB),
                TestDocuments.png(10, 10, java.awt.image.BufferedImage.TYPE_INT_ARGB), bomb,
                java.util.Arrays.copyOf(org.fujie.pki.pades.TestSealImages.redDisc(), 60))) {
            FujieTestClient.Response response = alice.post("/api/v1/seals", Map.of("name", "公章", "organization", "局",
                    "imagePng", Base64.getEncoder().encodeToString(png)));
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().get("type").asString()).isEqualTo("urn:fujie:problem:seal-invalid");
        }
        assertThat(alice.get("/api/v1/seals").json().size()).isEqualTo(before);
        assertThat(alice.get("/api/v1/seals/no-such-seal").status()).isEqualTo(404);
        assertThat(alice.post("/api/v1/seals/no-such-seal/approve", Map.of()).status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/seals?status=LOST").status()).isEqualTo(400);
    }
}
