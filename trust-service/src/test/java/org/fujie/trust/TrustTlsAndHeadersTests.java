package org.fujie.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fujie.ca.support.SecurityHeaderAssertions.assertApiHeaders;
import static org.fujie.ca.support.SecurityHeaderAssertions.assertPublicHeaders;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.PublicHttp;
import org.fujie.ca.support.TlsJudge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * trust-service's HTTPS connector (its TLS settings come through EmbeddedDefaults, as seal-service's do) as openssl
 * finds it, and the security headers of its API and of the TSA, which bypasses Spring Security.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustTlsAndHeadersTests {

    private static final String PASSWORD = "client password";
    private RunningTrustService services;

    @BeforeAll
    void start() {
        services = RunningTrustService.start(Map.of());
    }

    @AfterAll
    void stop() {
        services.close();
    }

    @Test
    void handshakeWhenOldProtocolOrCbcCipherThenRefusedAndModernAccepted(@TempDir Path work) {
        TlsJudge judge = new TlsJudge(work, URI.create(services.trustUrl).getPort());
        judge.assertAccepted("TLSv1.3", "TLS_AES_128_GCM_SHA256", "-tls1_3", "-ciphersuites", "TLS_AES_128_GCM_SHA256");
        judge.assertAccepted("TLSv1.2", "ECDHE-ECDSA-AES128-GCM-SHA256", "-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256");
        judge.assertRefused("protocol version", "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0");
        judge.assertRefused("handshake failure", "-tls1_2", "-cipher", "AES128-SHA@SECLEVEL=0");
        judge.assertRefused("handshake failure", "-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-SHA256@SECLEVEL=0");
    }

    @Test
    void apiWhenOkUnauthenticatedForbiddenNotFoundOrBadThenSecurityHeaders() {
        HttpResponse<String> ok = services.admin.exchange("GET", "/api/v1/trust-anchors", null, null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertApiHeaders(ok);
        HttpResponse<String> health = anonymous().exchange("GET", "/actuator/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertApiHeaders(health);
        HttpResponse<String> unauthenticated = anonymous().exchange("GET", "/api/v1/trust-anchors", null, null);
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertApiHeaders(unauthenticated);
        HttpResponse<String> forbidden = withoutRoles().exchange("GET", "/api/v1/trust-anchors", null, null);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertApiHeaders(forbidden);
        HttpResponse<String> notFound = services.admin.exchange("GET", "/api/v1/trust-anchors/no-such-anchor", null, null);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertApiHeaders(notFound);
        HttpResponse<String> bad = services.admin.exchange("POST", "/api/v1/certificates/validate", "application/json", "{");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertApiHeaders(bad);
    }

    @Test
    void tsaWhenPlainHttpThenNosniffAndCspWithoutHsts() {
        HttpResponse<byte[]> reply = PublicHttp.post(services.tsaUrl(), "application/timestamp-query", new byte[] {0x30, 0x00});
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/timestamp-reply");
        assertPublicHeaders(reply);
        HttpResponse<byte[]> api = PublicHttp.get(services.publicUrl() + "/api/v1/trust-anchors");
        assertThat(api.statusCode()).isEqualTo(404);
        assertPublicHeaders(api);
    }

    private FujieTestClient anonymous() {
        return FujieTestClient.anonymous(services.trustUrl, services.ca.trustChain());
    }

    /** A valid Fujie client certificate that trust-service grants no role. */
    private FujieTestClient withoutRoles() {
        FujieTestClient.Response issued = services.ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client",
                "subject", "CN=Header Stranger,O=Elsewhere", "keyGeneration", Map.of("algorithm", "EC-P256", "password", PASSWORD)));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return FujieTestClient.forPkcs12(services.trustUrl, Base64.getDecoder().decode(issued.json().get("pkcs12").asString()),
                PASSWORD.toCharArray(), services.ca.trustChain());
    }
}
