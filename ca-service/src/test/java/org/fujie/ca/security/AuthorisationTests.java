package org.fujie.ca.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.fujie.ca.support.EmbeddedCaServiceTest;
import org.fujie.ca.support.FujieTestClient;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Mutual TLS and roles, over real TLS connections. */
class AuthorisationTests extends EmbeddedCaServiceTest {

    private static final String PASSWORD = "client password";


    @Test
    void healthWhenNoCertificateThenUp() {
        FujieTestClient.Response response = ca.anonymous().get("/actuator/health");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void apiWhenNoCertificateThen401Problem() {
        for (String path : List.of("/api/v1/cas", "/api/v1/certificates", "/api/v1/principals", "/api/v1/audit/verify")) {
            FujieTestClient.Response response = ca.anonymous().get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("type").asString()).isEqualTo("urn:fujie:problem:unauthorized");
        }
        assertThat(ca.anonymous().post("/api/v1/certificates", Map.of("profile", "tls-server")).status()).isEqualTo(401);
    }

    @Test
    void apiWhenCertificateHoldsNoRoleThen403() {
        FujieTestClient stranger = clientFor("CN=Stranger,O=Elsewhere");

        FujieTestClient.Response response = stranger.get("/api/v1/cas");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:fujie:problem:forbidden");
        assertThat(stranger.post("/api/v1/certificates", Map.of("profile", "tls-server")).status()).isEqualTo(403);
    }

    @Test
    void rolesWhenGrantedBySubjectThenAllowedExactlyWhatTheRoleAllows() {
        FujieTestClient officer = clientFor("CN=RA Officer 1,O=Ministry");
        assertThat(officer.get("/api/v1/certificates").status()).isEqualTo(403);

        FujieTestClient.Response grant = ca.admin().put("/api/v1/principals",
                Map.of("subject", "CN=RA Officer 1, O=Ministry", "roles", List.of("RA_OFFICER")));
        assertThat(grant.status()).as(grant.body()).isEqualTo(200);

        assertThat(officer.get("/api/v1/certificates").status()).isEqualTo(200);
        FujieTestClient.Response issuedByOfficer = officer.post("/api/v1/certificates", Map.of("profile", "tls-client",
                "subject", "CN=Issued By Officer", "keyGeneration", Map.of("algorithm", "EC-P256", "password", PASSWORD)));
        assertThat(issuedByOfficer.status()).isEqualTo(201);
        String serial = issuedByOfficer.json().get("serialNumber").asString();
        assertThat(officer.post("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "certificateHold")).status()).isEqualTo(200);
        assertThat(officer.post("/api/v1/certificates/" + serial + "/release", Map.of()).status()).isEqualTo(200);
        assertThat(officer.post("/api/v1/cas/issuing/crl", Map.of()).status()).isEqualTo(403);
        assertThat(officer.get("/api/v1/principals").status()).isEqualTo(403);
        assertThat(officer.post("/api/v1/cas", Map.of("id", "x", "subject", "CN=x", "algorithm", "EC-P256")).status()).isEqualTo(403);
        assertThat(officer.get("/api/v1/audit/verify").status()).isEqualTo(403);

        String id = grant.json().get("id").asString();
        assertThat(ca.admin().delete("/api/v1/principals/" + id).status()).isEqualTo(204);
        assertThat(officer.get("/api/v1/certificates").status()).isEqualTo(403);
        assertThat(ca.admin().delete("/api/v1/principals/" + id).json().get("type").asString()).isEqualTo("urn:fujie:problem:not-found");
    }

    @Test
    void rolesWhenGrantedByFingerprintThenOnlyThatCertificateGetsThem() {
        FujieTestClient.Response issued = keyGeneration("CN=Auditor,O=Ministry");
        String fingerprint = issued.json().get("fingerprint").asString();
        FujieTestClient auditor = client(issued);
        FujieTestClient sameNameOtherKey = clientFor("CN=Auditor,O=Ministry");

        assertThat(ca.admin().put("/api/v1/principals", Map.of("fingerprint", fingerprint, "roles", List.of("AUDITOR"))).status()).isEqualTo(200);

        assertThat(auditor.get("/api/v1/audit/verify").status()).isEqualTo(200);
        assertThat(auditor.post("/api/v1/certificates", Map.of("profile", "tls-server")).status()).isEqualTo(403);
        String serial = keyGeneration("CN=Not Revocable By Auditors").json().get("serialNumber").asString();
        assertThat(auditor.post("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "keyCompromise")).status()).isEqualTo(403);
        assertThat(auditor.post("/api/v1/certificates/" + serial + "/release", Map.of()).status()).isEqualTo(403);
        assertThat(ca.admin().get("/api/v1/certificates/" + serial).json().get("status").asString()).isEqualTo("VALID");
        assertThat(sameNameOtherKey.get("/api/v1/audit/verify").status()).isEqualTo(403);
    }

    @Test
    void principalsWhenInvalidThenProblem() {
        assertThat(ca.admin().put("/api/v1/principals", Map.of("subject", "CN=x", "roles", List.of("KING"))).json().get("type").asString())
                .isEqualTo("urn:fujie:problem:principal-invalid");
        assertThat(ca.admin().put("/api/v1/principals", Map.of("fingerprint", "abc", "roles", List.of("ADMIN"))).json().get("type").asString())
                .isEqualTo("urn:fujie:problem:principal-invalid");
    }

    @Test
    void auditWhenRoleChangedThenRecorded() {
        ca.admin().put("/api/v1/principals", Map.of("subject", "CN=Audited Grant", "roles", List.of("APP")));

        JsonNode page = ca.admin().get("/api/v1/audit?action=principal.put").json();

        assertThat(page.get("items").valueStream().map(e -> e.get("target").asString()))
                .contains("principal:CN=Audited Grant");
        assertThat(page.get("items").get(0).get("actor").asString()).contains("CN=Fujie Administrator");
    }

    private FujieTestClient.Response keyGeneration(String subject) {
        FujieTestClient.Response issued = ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client", "subject", subject,
                "keyGeneration", Map.of("algorithm", "EC-P256", "password", PASSWORD)));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued;
    }

    private FujieTestClient clientFor(String subject) {
        return client(keyGeneration(subject));
    }

    private FujieTestClient client(FujieTestClient.Response issued) {
        byte[] p12 = Base64.getDecoder().decode(issued.json().get("pkcs12").asString());
        return FujieTestClient.forPkcs12(ca.baseUrl(), p12, PASSWORD.toCharArray(), ca.trustChain());
    }
}
