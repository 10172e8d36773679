package org.fujie.ca.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.fujie.ca.support.EmbeddedCaServiceTest;
import org.fujie.ca.support.FujieTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** Revoke, hold and release through the API: states, idempotence, problems and the audit trail. */
class RevocationApiTests extends EmbeddedCaServiceTest {

    @Test
    void revokeWhenValidThenRevokedWithReasonAndInvalidityDate() {
        String serial = issue("CN=Revoke Me");
        String invalidity = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

        FujieTestClient.Response response = revoke(serial, Map.of("reason", "keyCompromise", "invalidityDate", invalidity));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("changed").asBoolean()).isTrue();
        assertThat(body.get("certificate").get("status").asString()).isEqualTo("REVOKED");
        JsonNode stored = ca.admin().get("/api/v1/certificates/" + serial).json();
        assertThat(stored.get("status").asString()).isEqualTo("REVOKED");
        assertThat(stored.get("revocationReason").asString()).isEqualTo("keyCompromise");
        assertThat(stored.get("invalidityDate").asString()).isEqualTo(invalidity);
        assertThat(Instant.parse(stored.get("revokedAt").asString())).isBetween(Instant.now().minusSeconds(60), Instant.now());
        JsonNode audit = ca.admin().get("/api/v1/audit?action=certificate.revoke").json().get("items");
        assertThat(audit.valueStream().filter(e -> e.get("target").asString().equals("certificate:" + serial)))
                .singleElement()
                .satisfies(e -> assertThat(e.get("details").toString()).contains("keyCompromise", "REVOKED"));
    }

    @Test
    void revokeWhenDoneThenTheNextCrlsListItWithinSeconds() throws Exception {
        String serial = issue("CN=Published Promptly");

        revoke(serial, Map.of("reason", "privilegeWithdrawn"));

        // The delta CRL follows at once; the complete one too, unless one was made less than a minute ago
        // (fujie.crl.min-full-interval), as the scheduled one at start-up was.
        boolean listed = false;
        for (int attempt = 0; attempt < 50 && !listed; attempt++) {
            Thread.sleep(200);
            listed = lists("issuing-delta.crl", serial) || lists("issuing.crl", serial);
        }
        assertThat(listed).as("the revocation is on a served CRL within 10 s").isTrue();
    }

    private boolean lists(String file, String serial) throws java.io.IOException {
        var response = org.fujie.ca.support.PublicHttp.get(ca.publicBaseUrl() + "/pki/crl/" + file);
        return response.statusCode() == 200
                && new org.bouncycastle.cert.X509CRLHolder(response.body()).getRevokedCertificate(new java.math.BigInteger(serial, 16)) != null;
    }

    @Test
    void revokeWhenAlreadyRevokedThenNothingChangesAndTheAnswerSaysSo() {
        String serial = issue("CN=Revoke Twice");
        revoke(serial, Map.of("reason", "superseded"));

        FujieTestClient.Response again = revoke(serial, Map.of("reason", "keyCompromise"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("changed").asBoolean()).isFalse();
        assertThat(again.json().get("detail").asString()).contains("already revoked", "superseded");
        assertThat(again.json().get("certificate").get("revocationReason").asString()).isEqualTo("superseded");
    }

    @Test
    void holdWhenReleasedThenValidAgainAndARepeatedReleaseChangesNothing() {
        String serial = issue("CN=Held");

        assertThat(revoke(serial, Map.of("reason", "certificateHold")).json().get("certificate").get("status").asString())
                .isEqualTo("ON_HOLD");
        FujieTestClient.Response released = ca.admin().post("/api/v1/certificates/" + serial + "/release", Map.of());

        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().get("changed").asBoolean()).isTrue();
        assertThat(released.json().get("certificate").get("status").asString()).isEqualTo("VALID");
        assertThat(released.json().get("certificate").has("revokedAt")).isFalse();
        FujieTestClient.Response again = ca.admin().post("/api/v1/certificates/" + serial + "/release", Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("changed").asBoolean()).isFalse();
        assertThat(ca.admin().get("/api/v1/audit?action=certificate.release").json().get("items").toString())
                .contains("certificate:" + serial);
    }

    @Test
    void holdWhenMadePermanentThenReleaseIsRefusedAndTheHoldDateIsKept() {
        String serial = issue("CN=Held Then Revoked");
        String heldAt = revoke(serial, Map.of("reason", "certificateHold")).json().get("certificate").get("revokedAt").asString();

        JsonNode revoked = revoke(serial, Map.of("reason", "keyCompromise")).json();
        FujieTestClient.Response release = ca.admin().post("/api/v1/certificates/" + serial + "/release", Map.of());

        assertThat(revoked.get("changed").asBoolean()).isTrue();
        assertThat(revoked.get("certificate").get("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.get("certificate").get("revokedAt").asString()).isEqualTo(heldAt);
        assertThat(release.status()).isEqualTo(409);
        assertThat(release.json().get("type").asString()).isEqualTo("urn:fujie:problem:revocation-permanent");
    }

    @Test
    void revokeWhenCertificateExpiredThenAllowedAndRecordedAsExpired() {
        String serial = issue("CN=Expired Already");
        // The API cannot issue an expired certificate: age this one in the database, as time would.
        ca.bean(JdbcClient.class).sql("update certificate set not_after = ? where serial = ?")
                .params(java.time.OffsetDateTime.now().minusDays(3), serial).update();

        FujieTestClient.Response response = revoke(serial, Map.of("reason", "cessationOfOperation"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("changed").asBoolean()).isTrue();
        assertThat(response.json().get("detail").asString()).contains("had expired");
        JsonNode audit = ca.admin().get("/api/v1/audit?action=certificate.revoke").json().get("items");
        assertThat(audit.valueStream().filter(e -> e.get("target").asString().equals("certificate:" + serial)))
                .singleElement()
                .satisfies(e -> assertThat(e.get("details").asString()).contains("\"expired\":\"true\""));
    }

    @Test
    void revokeWhenBadInputThenProblems() {
        String serial = issue("CN=Bad Input Target");

        assertProblem(revoke("00ff00ff00ff", Map.of("reason", "keyCompromise")), 404, "not-found");
        assertProblem(revoke("not-hex!", Map.of("reason", "keyCompromise")), 404, "not-found");
        assertProblem(revoke(serial, Map.of("reason", "lostMyKeys")), 400, "revocation-reason-unknown");
        assertProblem(revoke(serial, Map.of()), 400, "revocation-reason-unknown");
        assertProblem(revoke(serial, Map.of("reason", "removeFromCRL")), 400, "revocation-reason-unknown");
        assertProblem(revoke(serial, Map.of("reason", "keyCompromise", "invalidityDate", "yesterday")), 400, "invalidity-date-invalid");
        assertProblem(revoke(serial, Map.of("reason", "keyCompromise", "invalidityDate", Instant.now().plusSeconds(3600).toString())),
                400, "invalidity-date-invalid");
        assertProblem(ca.admin().post("/api/v1/certificates/00ff00ff/release", Map.of()), 404, "not-found");
        assertThat(ca.admin().get("/api/v1/certificates/" + serial).json().get("status").asString()).isEqualTo("VALID");
    }

    @Test
    void revokeWhenAnonymousThen401() {
        String serial = issue("CN=Anonymous Target");
        assertThat(ca.anonymous().post("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "keyCompromise")).status())
                .isEqualTo(401);
        assertThat(ca.admin().get("/api/v1/certificates/" + serial).json().get("status").asString()).isEqualTo("VALID");
    }

    private void assertProblem(FujieTestClient.Response response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:fujie:problem:" + slug);
    }

    private FujieTestClient.Response revoke(String serial, Map<String, String> body) {
        return ca.admin().post("/api/v1/certificates/" + serial + "/revoke", body);
    }

    private String issue(String subject) {
        FujieTestClient.Response issued = ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client", "subject", subject,
                "keyGeneration", Map.of("algorithm", "EC-P256", "password", "revocation tests")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().get("serialNumber").asString();
    }
}
