package org.fujie.ca.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fujie.ca.support.DeclaredLengthRequest;
import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.RunningCaService;
import org.fujie.pki.x509.Pem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Every refused request gets 400 problem JSON with its own type, and nothing is stored. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTests {

    private RunningCaService ca;
    private String goodCsr;

    @BeforeAll
    void start(@TempDir Path dir) {
        ca = RunningCaService.embedded();
        goodCsr = Csrs.openssl(dir, "ec -pkeyopt ec_paramgen_curve:P-256", "/CN=ok.example/O=Ministry", "DNS:ok.example");
    }

    @AfterAll
    void stop() {
        ca.close();
    }

    @Test
    void issueWhenCsrSignatureInvalidThenRejected() {
        byte[] der = Pem.decode(goodCsr, "CERTIFICATE REQUEST");
        der[der.length - 3] ^= 0x55; // inside the signature value
        String tampered = Pem.encode("CERTIFICATE REQUEST", der);

        assertRefused(Map.of("profile", "tls-server", "csr", tampered), 400, "csr-signature-invalid");
    }

    @Test
    void issueWhenCsrMalformedThenRejected() {
        assertRefused(Map.of("profile", "tls-server", "csr", "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"),
                400, "csr-malformed");
        assertRefused(Map.of("profile", "tls-server", "csr", "not a csr at all"), 400, "csr-malformed");
    }

    @Test
    void issueWhenCsrOversizedThenRejected() {
        String huge = "-----BEGIN CERTIFICATE REQUEST-----\n" + Base64.getMimeEncoder().encodeToString(new byte[40_000])
                + "\n-----END CERTIFICATE REQUEST-----\n";
        assertRefused(Map.of("profile", "tls-server", "csr", huge), 400, "csr-too-large");
    }

    @Test
    void issueWhenProfileUnknownThenRejected() {
        assertRefused(Map.of("profile", "no-such-profile", "csr", goodCsr), 400, "profile-unknown");
    }

    @Test
    void issueWhenCaUnknownThenRejected() {
        assertRefused(Map.of("profile", "tls-server", "csr", goodCsr, "caId", "nope"), 400, "ca-unknown");
    }

    @Test
    void issueWhenAlgorithmForbiddenByProfileThenRejected(@TempDir Path dir) {
        // The seal profile does not allow Ed25519.
        String ed25519 = Csrs.openssl(dir, "ed25519", "/CN=Seal/O=Ministry", "");
        assertRefused(Map.of("profile", "seal", "csr", ed25519), 400, "algorithm-not-allowed");
    }

    @Test
    void issueWhenKeySizeUnsupportedThenRejected(@TempDir Path dir) {
        String rsa1024 = Csrs.openssl(dir, "rsa:1024", "/CN=weak.example", "DNS:weak.example");
        assertRefused(Map.of("profile", "tls-server", "csr", rsa1024), 400, "unsupported-key");
    }

    @Test
    void issueWhenSanTypeForbiddenThenRejected() {
        assertRefused(Map.of("profile", "tls-server", "csr", goodCsr, "sans", List.of("email:someone@example.gov")),
                400, "san-type-not-allowed");
    }

    @Test
    void issueWhenSanMalformedThenRejected() {
        assertRefused(Map.of("profile", "tls-server", "csr", goodCsr, "sans", List.of("dns:bad..name")), 400, "san-invalid");
    }

    @Test
    void issueWhenValidityBeyondCapThenRejected() {
        assertRefused(Map.of("profile", "tls-server", "csr", goodCsr, "validityDays", 398), 400, "validity-exceeds-cap");
    }

    @Test
    void issueWhenSubjectFieldMissingOrForbiddenThenRejected() {
        assertRefused(Map.of("profile", "seal", "csr", goodCsr, "subject", "CN=Seal Without Org"), 400, "subject-not-allowed");
        assertRefused(Map.of("profile", "tls-server", "csr", goodCsr, "subject", "CN=x,DC=example"), 400, "subject-not-allowed");
        assertRefused(Map.of("profile", "tls-server", "csr", goodCsr, "subject", "this is not a DN"), 400, "subject-not-allowed");
    }

    @Test
    void issueWhenKeyGenerationInvalidThenRejected() {
        assertRefused(Map.of("profile", "tls-client", "subject", "CN=x", "keyGeneration", Map.of("algorithm", "DSA-1024", "password", "long enough")),
                400, "key-generation-invalid");
        assertRefused(Map.of("profile", "tls-client", "subject", "CN=x", "keyGeneration", Map.of("algorithm", "EC-P256", "password", "short")),
                400, "key-generation-invalid");
        assertRefused(Map.of("profile", "tls-client", "subject", "CN=x", "keyGeneration", Map.of("algorithm", "EC-P256", "password", "密码密码密码密码")),
                400, "key-generation-invalid");
    }

    @Test
    void issueWhenBodyNotJsonThenProblemWithoutStackTrace() {
        FujieTestClient.Response response = ca.admin().post("/api/v1/certificates", "{\"profile\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:fujie:problem:malformed-request");
        assertThat(response.body()).doesNotContain("at org.", "Exception", "tools.jackson");
    }

    @Test
    void issueWhenBodyAboveLimitThen413BeforeParsing() throws Exception {
        long before = storedCount();

        // Declared, not sent: an upload the server stops reading races its answer against the close (DeclaredLengthRequest).
        java.net.http.HttpResponse<String> response = DeclaredLengthRequest.post(ca.baseUrl(), "/api/v1/certificates",
                "application/json", 2_000_020, ca.dataDir());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(FujieTestClient.JSON.readTree(response.body()).get("type").asString()).isEqualTo("urn:fujie:problem:request-too-large");
        assertThat(storedCount()).isEqualTo(before);
    }

    @Test
    void issueWhenNeitherCsrNorKeyGenerationThenRejected() {
        assertRefused(Map.of("profile", "tls-server"), 400, "malformed-request");
    }

    private void assertRefused(Map<String, Object> request, int status, String type) {
        long before = storedCount();
        FujieTestClient.Response response = ca.admin().post("/api/v1/certificates", new HashMap<>(request));

        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:fujie:problem:" + type);
        assertThat(response.json().get("detail").asString()).isNotBlank();
        assertThat(storedCount()).as("nothing stored").isEqualTo(before);
    }

    private long storedCount() {
        return ca.admin().get("/api/v1/certificates?size=1").json().get("total").asLong();
    }

}
