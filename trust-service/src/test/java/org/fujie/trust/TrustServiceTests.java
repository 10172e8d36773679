package org.fujie.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bouncycastle.tsp.TimeStampResponse;
import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.PublicHttp;
import org.fujie.ca.support.RunningCaService;
import org.fujie.pki.OpenSsl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * trust-service beside a real ca-service on one data folder, as `./fujie start` runs them: the TSA
 * (judged by openssl ts -verify), trust anchors, and certificate validation against ca-service's
 * OCSP responder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustServiceTests {

    private static final java.time.Duration REVOCATION_MAX_AGE = java.time.Duration.ofSeconds(2);

    private RunningTrustService services;
    private RunningCaService ca;
    private FujieTestClient admin;
    private String tsaUrl;
    private String trustUrl;

    @BeforeAll
    void start() {
        services = RunningTrustService.start(Map.of("fujie.validation.revocation-max-age", REVOCATION_MAX_AGE.toSeconds() + "s"));
        ca = services.ca;
        admin = services.admin;
        trustUrl = services.trustUrl;
        tsaUrl = services.tsaUrl();
    }

    @AfterAll
    void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void tsaWhenOpensslQueryThenOpensslVerifiesTheReplyAndTheNonceIsEchoed(@TempDir Path dir) throws Exception {
        OpenSsl openssl = new OpenSsl(dir);
        openssl.write("document.txt", "a document of the ministry");
        openssl.run("ts", "-query", "-data", "document.txt", "-sha256", "-cert", "-out", "q.tsq");

        byte[] reply = services.stampWhenReady(openssl.readBytes("q.tsq"));
        openssl.write("r.tsr", reply);

        OpenSsl.Result verified = openssl.execute("ts", "-verify", "-in", "r.tsr", "-queryfile", "q.tsq",
                "-CAfile", ca.trustChain().toString());
        assertThat(verified.stdout() + verified.stderr()).contains("Verification: OK");
        String query = openssl.run("ts", "-query", "-in", "q.tsq", "-text");
        String text = openssl.run("ts", "-reply", "-in", "r.tsr", "-text");
        String nonce = query.lines().filter(l -> l.strip().startsWith("Nonce:")).findFirst().orElseThrow().strip();
        assertThat(text).contains(nonce).contains("Policy OID: 2.25.108627895165647400522189455085831276811")
                .contains("Ordering: no").contains("Accuracy: 0x01 seconds");
        // The TSA certificate came from ca-service, profile tsa, and its issuance is in ca-service's audit log.
        assertThat(ca.admin().get("/api/v1/certificates?profile=tsa").json().get("total").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void tsaWhenBadInputThenRfc3161RejectionNeverAnHttpError() throws Exception {
        services.stampWhenReady(null);
        for (byte[] body : List.of("garbage".getBytes(), new byte[0], new byte[20_000])) {
            HttpResponse<byte[]> response = PublicHttp.post(tsaUrl, "application/timestamp-query", body);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/timestamp-reply");
            assertThat(new TimeStampResponse(response.body()).getStatus()).isEqualTo(2); // rejection
        }
        assertThat(PublicHttp.post(tsaUrl, "text/plain", "x".getBytes()).statusCode()).isEqualTo(415);
        // The API is not served on the plain-HTTP port.
        assertThat(PublicHttp.get(services.publicUrl() + "/api/v1/trust-anchors").statusCode()).isEqualTo(404);
    }

    @Test
    void anchorsWhenBootstrappedThenFujieRootAndAdministratorsManageOthers(@TempDir Path dir) {
        List<String> subjects = admin.get("/api/v1/trust-anchors").json().valueStream().map(a -> a.get("subject").asString()).toList();
        assertThat(subjects).anyMatch(s -> s.contains("Fujie Root CA"));

        OpenSsl openssl = new OpenSsl(dir);
        openssl.run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "k.pem",
                "-out", "other.pem", "-subj", "/CN=Other Department Root/O=Other Ministry", "-days", "30",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        Map<String, Object> request = Map.of("certificatePem", openssl.read("other.pem"), "purposes", List.of("DOCUMENT_SIGNING"));

        FujieTestClient.Response added = admin.post("/api/v1/trust-anchors", request);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().get("purposes").toString()).contains("DOCUMENT_SIGNING");
        assertThat(admin.post("/api/v1/trust-anchors", request).status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/trust-anchors", Map.of("certificatePem", "nonsense")).json().get("type").asString())
                .isEqualTo("urn:fujie:problem:trust-anchor-invalid");
        String id = added.json().get("id").asString();
        assertThat(admin.delete("/api/v1/trust-anchors/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/trust-anchors/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/audit?action=trust-anchor.add").json().get("items").toString()).contains("Other Department Root");
        assertThat(admin.get("/api/v1/audit/verify").json().get("valid").asBoolean()).isTrue();
    }

    @Test
    void validateWhenIssuedByFujieThenPassedWhenRevokedFailedRevoked() {
        FujieTestClient.Response issued = ca.admin().post("/api/v1/certificates", Map.of("profile", "document-signing",
                "subject", "CN=Validated Signer,O=Ministry", "keyGeneration", Map.of("algorithm", "EC-P256", "password", "validation")));
        assertThat(issued.status()).isEqualTo(201);
        Map<String, Object> request = Map.of("certificatePem", issued.json().get("certificatePem").asString(),
                "chainPem", issued.json().get("chainPem").asString(), "purpose", "DOCUMENT_SIGNING");

        JsonNode passed = admin.post("/api/v1/certificates/validate", request).json();

        assertThat(passed.get("indication").asString()).as(passed.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(passed.get("valid").asBoolean()).isTrue();
        assertThat(passed.get("path")).hasSize(3);
        assertThat(passed.get("revocation").toString()).contains("OCSP", "GOOD");

        // A second signer, revoked before anyone asks about it.
        FujieTestClient.Response revoked = ca.admin().post("/api/v1/certificates", Map.of("profile", "document-signing",
                "subject", "CN=Revoked Signer,O=Ministry", "keyGeneration", Map.of("algorithm", "EC-P256", "password", "validation")));
        ca.admin().post("/api/v1/certificates/" + revoked.json().get("serialNumber").asString() + "/revoke", Map.of("reason", "keyCompromise"));
        JsonNode failed = admin.post("/api/v1/certificates/validate", Map.of("certificatePem", revoked.json().get("certificatePem").asString(),
                "chainPem", revoked.json().get("chainPem").asString(), "purpose", "DOCUMENT_SIGNING")).json();
        assertThat(failed.get("indication").asString()).as(failed.toString()).isEqualTo("TOTAL_FAILED");
        assertThat(failed.get("subIndication").asString()).isEqualTo("REVOKED");
        assertThat(failed.get("revocation").toString()).contains("keyCompromise");
        JsonNode wrongPurpose = admin.post("/api/v1/certificates/validate", Map.of("certificatePem", issued.json().get("certificatePem").asString(),
                "chainPem", issued.json().get("chainPem").asString(), "purpose", "TLS_SERVER")).json();
        assertThat(wrongPurpose.get("indication").asString()).isEqualTo("INDETERMINATE");
        assertThat(admin.post("/api/v1/certificates/validate", Map.of("certificatePem", "junk")).json().get("subIndication").asString())
                .isEqualTo("FORMAT_FAILURE");
    }

    @Test
    void verifyWhenNotAPdfOrUnsignedOrTooLargeThenClearAnswers() throws Exception {
        FujieTestClient.Response text = admin.postFile("/api/v1/verify", "document", "notes.txt", "just text".getBytes());
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.json().get("type").asString()).isEqualTo("urn:fujie:problem:document-unsupported");

        java.io.ByteArrayOutputStream unsigned = new java.io.ByteArrayOutputStream();
        try (org.apache.pdfbox.pdmodel.PDDocument document = new org.apache.pdfbox.pdmodel.PDDocument()) {
            document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            document.save(unsigned);
        }
        JsonNode report = admin.postFile("/api/v1/verify", "document", "unsigned.pdf", unsigned.toByteArray()).json();
        assertThat(report.get("indication").asString()).as(report.toString()).isEqualTo("INDETERMINATE");
        assertThat(report.get("detail").asString()).contains("no signature");

        FujieTestClient.Response truncated = admin.postFile("/api/v1/verify", "document", "broken.pdf",
                java.util.Arrays.copyOf(unsigned.toByteArray(), 40));
        assertThat(truncated.status()).isEqualTo(200);
        assertThat(truncated.json().get("indication").asString()).isEqualTo("INDETERMINATE");

        FujieTestClient.Response huge = admin.postFile("/api/v1/verify", "document", "huge.pdf", new byte[3_000_000]);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(FujieTestClient.anonymous(trustUrl, ca.trustChain())
                .postFile("/api/v1/verify", "document", "unsigned.pdf", unsigned.toByteArray()).status()).isEqualTo(401);
    }

    @Test
    void verifyWhenOpensslSignedCmsWithAFujieCertificateThenPassedAndAlteredOrRevokedAreNot(@TempDir Path dir) throws Exception {
        byte[] document = "数据共享协议 第 7 条\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Files.write(dir.resolve("doc.txt"), document);
        Signed good = opensslCadesSign(dir, "CN=CMS Signer,O=Ministry", "good");
        byte[] p7s = good.p7s();

        JsonNode passed = admin.postFiles("/api/v1/verify", List.of(new FujieTestClient.FilePart("document", "doc.p7s", p7s),
                new FujieTestClient.FilePart("detached", "doc.txt", document))).json();
        assertThat(passed.get("indication").asString()).as(passed.toString()).isEqualTo("TOTAL_PASSED");
        JsonNode signature = passed.get("signatures").get(0);
        assertThat(signature.get("format").asString()).isEqualTo("CAdES");
        assertThat(signature.get("level").asString()).isEqualTo("B-B");
        assertThat(signature.get("signer").asString()).isEqualTo("CN=CMS Signer,O=Ministry");
        assertThat(signature.get("revocation").toString()).contains("OCSP", "GOOD");

        byte[] altered = document.clone();
        altered[altered.length - 2] = '8';
        JsonNode failed = admin.postFiles("/api/v1/verify", List.of(new FujieTestClient.FilePart("document", "doc.p7s", p7s),
                new FujieTestClient.FilePart("detached", "doc.txt", altered))).json();
        assertThat(failed.get("indication").asString() + "/" + failed.get("subIndication").asString()).isEqualTo("TOTAL_FAILED/HASH_FAILURE");
        JsonNode missing = admin.postFile("/api/v1/verify", "document", "doc.p7s", p7s).json();
        assertThat(missing.get("indication").asString()).isEqualTo("INDETERMINATE");
        assertThat(missing.get("detail").asString()).contains("detached");

        byte[] revoked = opensslCadesSign(dir, "CN=Revoked CMS Signer,O=Ministry", "revoke").p7s();
        JsonNode after = admin.postFiles("/api/v1/verify", List.of(new FujieTestClient.FilePart("document", "doc.p7s", revoked),
                new FujieTestClient.FilePart("detached", "doc.txt", document))).json();
        assertThat(after.get("indication").asString() + "/" + after.get("subIndication").asString()).as(after.toString())
                .isEqualTo("INDETERMINATE/REVOKED_NO_POE");

        // The good signer revoked after its document was verified: the cached GOOD answer is not reused past its
        // maximum age, so the next verification hears of the revocation (not only after the answer's nextUpdate).
        assertThat(ca.admin().post("/api/v1/certificates/" + good.serialNumber() + "/revoke", Map.of("reason", "keyCompromise"))
                .status()).isEqualTo(200);
        Thread.sleep(REVOCATION_MAX_AGE.plusMillis(500).toMillis());
        JsonNode later = admin.postFiles("/api/v1/verify", List.of(new FujieTestClient.FilePart("document", "doc.p7s", p7s),
                new FujieTestClient.FilePart("detached", "doc.txt", document))).json();
        assertThat(later.get("indication").asString() + "/" + later.get("subIndication").asString()).as(later.toString())
                .isEqualTo("INDETERMINATE/REVOKED_NO_POE");
    }

    private record Signed(byte[] p7s, String serialNumber) {
    }

    @Test
    void verifyWhenDssSignedXadesWithFujieCertificatesThenTotalPassedAndTamperingFails() throws Exception {
        services.stampWhenReady(null);
        FujieTestClient.Response issued = ca.admin().post("/api/v1/certificates", Map.of("profile", "document-signing",
                "subject", "CN=XAdES Signer,O=Ministry", "keyGeneration", Map.of("algorithm", "RSA-2048", "password", "xml-test")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        byte[] pkcs12 = java.util.Base64.getDecoder().decode(issued.json().get("pkcs12").asString());
        byte[] form = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><批复 编号=\"7\"><事项>目录共享</事项><结论>同意</结论></批复>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        for (var level : List.of(eu.europa.esig.dss.enumerations.SignatureLevel.XAdES_BASELINE_B,
                eu.europa.esig.dss.enumerations.SignatureLevel.XAdES_BASELINE_T)) {
            byte[] signed = DssXmlSigner.sign(form, pkcs12, "xml-test", level, tsaUrl);
            JsonNode report = admin.postFile("/api/v1/verify", "document", "form.xml", signed).json();
            assertThat(report.get("indication").asString()).as(report.toString()).isEqualTo("TOTAL_PASSED");
            JsonNode signature = report.get("signatures").get(0);
            assertThat(signature.get("format").asString()).isEqualTo("XAdES");
            assertThat(signature.get("level").asString()).isEqualTo(level.name().endsWith("_T") ? "B-T" : "B-B");
            assertThat(signature.get("signer").asString()).isEqualTo("CN=XAdES Signer,O=Ministry");
            assertThat(signature.get("coversWholeDocument").asBoolean()).isTrue();
            assertThat(signature.get("revocation").toString()).contains("OCSP", "GOOD");

            byte[] tampered = new String(signed, java.nio.charset.StandardCharsets.UTF_8).replace("同意", "驳回")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            JsonNode failed = admin.postFile("/api/v1/verify", "document", "form.xml", tampered).json();
            assertThat(failed.get("indication").asString() + "/" + failed.get("subIndication").asString()).as(failed.toString())
                    .isEqualTo("TOTAL_FAILED/HASH_FAILURE");
        }
        FujieTestClient.Response doctype = admin.postFile("/api/v1/verify", "document", "x.xml",
                "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>".getBytes());
        assertThat(doctype.status()).isEqualTo(200);
        assertThat(doctype.json().get("indication").asString()).isEqualTo("INDETERMINATE");
        assertThat(doctype.json().get("detail").asString()).contains("DOCTYPE").doesNotContain("root:");
    }

    /** openssl cms -sign -cades over doc.txt with a key ca-service generated; "revoke" revokes the certificate first. */
    private Signed opensslCadesSign(Path dir, String subject, String mode) throws Exception {
        FujieTestClient.Response issued = ca.admin().post("/api/v1/certificates", Map.of("profile", "document-signing",
                "subject", subject, "keyGeneration", Map.of("algorithm", "EC-P256", "password", "cms-test")));
        assertThat(issued.status()).isEqualTo(201);
        java.nio.file.Files.write(dir.resolve("signer.p12"), java.util.Base64.getDecoder().decode(issued.json().get("pkcs12").asString()));
        java.nio.file.Files.writeString(dir.resolve("chain.pem"), issued.json().get("chainPem").asString());
        OpenSsl openssl = new OpenSsl(dir);
        openssl.run("pkcs12", "-in", "signer.p12", "-passin", "pass:cms-test", "-nodes", "-out", "signer.pem");
        if (mode.equals("revoke")) {
            assertThat(ca.admin().post("/api/v1/certificates/" + issued.json().get("serialNumber").asString() + "/revoke",
                    Map.of("reason", "keyCompromise")).status()).isEqualTo(200);
        }
        openssl.run("cms", "-sign", "-cades", "-binary", "-in", "doc.txt", "-signer", "signer.pem", "-certfile", "chain.pem",
                "-md", "sha256", "-outform", "DER", "-out", "doc.p7s");
        return new Signed(java.nio.file.Files.readAllBytes(dir.resolve("doc.p7s")), issued.json().get("serialNumber").asString());
    }
}
