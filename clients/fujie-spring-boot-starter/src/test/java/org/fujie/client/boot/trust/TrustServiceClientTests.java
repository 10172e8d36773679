package org.fujie.client.boot.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrustServiceClientTests {

    private final StandInTrustService trust = standIn();

    private static StandInTrustService standIn() {
        try {
            return new StandInTrustService();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        trust.close();
    }

    @Test
    void validateWhenRevokedThenVerdictSaysSoAndRequestCarriesPurposeAndChain() {
        trust.answer(200, """
                {"valid":false,"indication":"TOTAL_FAILED","subIndication":"REVOKED","path":[],
                 "revocation":[{"subject":"CN=x","source":"OCSP","status":"REVOKED"}],"detail":"revoked on 2026-12-01"}""");

        CertificateVerdict verdict = trust.client().validate("LEAF", "CHAIN", "TLS_CLIENT");

        assertThat(verdict).isEqualTo(new CertificateVerdict(false, "TOTAL_FAILED", "REVOKED", true, "revoked on 2026-12-01"));
        assertThat(verdict.describe()).isEqualTo("TOTAL_FAILED/REVOKED: revoked on 2026-12-01");
        assertThat(trust.requests()).singleElement().asString().startsWith("POST /api/v1/certificates/validate ")
                .contains("\"certificatePem\":\"LEAF\"", "\"chainPem\":\"CHAIN\"", "\"purpose\":\"TLS_CLIENT\"");
    }

    @Test
    void validateWhenApplicationNotGrantedAppThenUnavailableNamingTheRole() {
        trust.answer(403, "{\"type\":\"urn:fujie:problem:forbidden\"}");

        assertThatThrownBy(() -> trust.client().validate("LEAF", null, "TLS_CLIENT"))
                .isInstanceOf(TrustServiceUnavailableException.class).hasMessageContaining("HTTP 403").hasMessageContaining("role APP");
    }

    @Test
    void validateWhenAnswerIsNotAVerdictThenUnavailable() {
        trust.answer(200, "<html>proxy login</html>");
        assertThatThrownBy(() -> trust.client().validate("LEAF", null, "TLS_CLIENT"))
                .isInstanceOf(TrustServiceUnavailableException.class).hasMessageContaining("not JSON");

        trust.answer(200, "{\"indication\":\"TOTAL_PASSED\"}");
        assertThatThrownBy(() -> trust.client().validate("LEAF", null, "TLS_CLIENT"))
                .isInstanceOf(TrustServiceUnavailableException.class).hasMessageContaining("no 'valid'");
    }

    @Test
    void validateWhenNobodyListensThenUnavailable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        TrustServiceClient client = new TrustServiceClient(URI.create("http://127.0.0.1:" + port), SSLContext.getDefault(),
                Duration.ofSeconds(2), Duration.ofSeconds(2));

        assertThatThrownBy(() -> client.validate("LEAF", null, "TLS_CLIENT"))
                .isInstanceOf(TrustServiceUnavailableException.class).hasMessageContaining("cannot be reached");
    }

    @Test
    void introspectWhenActiveOrNotThenAnswerAndFormEncodedToken() {
        trust.answer(200, "{\"active\":true,\"sub\":\"CN=x\"}");
        assertThat(trust.client().introspect("a.b+c")).isTrue();
        trust.answer(200, "{\"active\":false}");
        assertThat(trust.client().introspect("a.b+c")).isFalse();

        assertThat(trust.requests().get(0)).isEqualTo("POST /api/v1/auth/introspect token=a.b%2Bc");
    }
}
