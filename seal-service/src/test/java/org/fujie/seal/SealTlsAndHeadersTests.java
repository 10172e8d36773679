package org.fujie.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fujie.ca.support.SecurityHeaderAssertions.assertApiHeaders;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;

import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.TlsJudge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** seal-service's HTTPS connector as openssl finds it, and the security headers of its API (it has no plain-HTTP port). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SealTlsAndHeadersTests {

    private RunningSealService services;

    @BeforeAll
    void start() {
        services = RunningSealService.start();
    }

    @AfterAll
    void stop() {
        services.close();
    }

    @Test
    void handshakeWhenOldProtocolOrCbcCipherThenRefusedAndModernAccepted(@TempDir Path work) {
        TlsJudge judge = new TlsJudge(work, URI.create(services.url()).getPort());
        judge.assertAccepted("TLSv1.3", "TLS_CHACHA20_POLY1305_SHA256", "-tls1_3", "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256");
        judge.assertAccepted("TLSv1.2", "ECDHE-ECDSA-AES256-GCM-SHA384", "-tls1_2", "-cipher", "ECDHE-ECDSA-AES256-GCM-SHA384");
        judge.assertRefused("protocol version", "-tls1", "-cipher", "DEFAULT@SECLEVEL=0");
        judge.assertRefused("handshake failure", "-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-SHA@SECLEVEL=0");
    }

    @Test
    void apiWhenOkUnauthenticatedForbiddenNotFoundOrBadThenSecurityHeaders() {
        HttpResponse<String> ok = services.admin().exchange("GET", "/api/v1/seals", null, null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertApiHeaders(ok);
        FujieTestClient anonymous = FujieTestClient.anonymous(services.url(), services.ca().trustChain());
        HttpResponse<String> health = anonymous.exchange("GET", "/actuator/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertApiHeaders(health);
        HttpResponse<String> unauthenticated = anonymous.exchange("GET", "/api/v1/seals", null, null);
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertApiHeaders(unauthenticated);
        HttpResponse<String> forbidden = services.withRole("CN=Header Keeper,O=Ministry", "SEAL_KEEPER")
                .exchange("POST", "/api/v1/seals", "application/json", "{}");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertApiHeaders(forbidden);
        HttpResponse<String> notFound = services.admin().exchange("GET", "/api/v1/seals/" + UUID.randomUUID(), null, null);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertApiHeaders(notFound);
        HttpResponse<String> bad = services.withRole("CN=Header Maker,O=Ministry", "SEAL_ADMIN")
                .exchange("POST", "/api/v1/seals", "application/json", "{");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertApiHeaders(bad);
    }
}
