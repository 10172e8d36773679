package org.fujie.client.boot.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.fujie.client.boot.mtls.CertificateRejectedException;
import org.fujie.client.boot.trust.CertificateVerdict;
import org.fujie.client.boot.trust.TrustServiceUnavailableException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.WebAttributes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FujieAuthenticationEntryPointTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final FujieAuthenticationEntryPoint entryPoint = new FujieAuthenticationEntryPoint(true);

    private MockHttpServletResponse commence(AuthenticationException fromFilter, AuthenticationException passed) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/me");
        if (fromFilter != null) {
            request.setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, fromFilter);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        entryPoint.commence(request, response, passed);
        return response;
    }

    private static JsonNode problem(MockHttpServletResponse response) throws Exception {
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        return JSON.readTree(response.getContentAsString());
    }

    @Test
    void commenceWhenCertificateRefusedThen401WithTrustServicesReason() throws Exception {
        CertificateVerdict revoked = new CertificateVerdict(false, "TOTAL_FAILED", "REVOKED", true, null);
        MockHttpServletResponse response = commence(new CertificateRejectedException(revoked),
                new InsufficientAuthenticationException("anonymous"));

        assertThat(response.getStatus()).isEqualTo(401);
        JsonNode problem = problem(response);
        assertThat(problem.get("type").asString()).isEqualTo("urn:fujie:problem:unauthorized");
        assertThat(problem.get("detail").asString()).isEqualTo("the client certificate was refused: TOTAL_FAILED/REVOKED");
    }

    @Test
    void commenceWhenTrustServiceUnreachableDuringCertificateCheckThen503() throws Exception {
        MockHttpServletResponse response = commence(new TrustServiceUnavailableException("trust-service cannot be reached"),
                new InsufficientAuthenticationException("anonymous"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(problem(response).get("type").asString()).isEqualTo("urn:fujie:problem:trust-service-unavailable");
    }

    @Test
    void commenceWhenJwksUnreachableThen503() throws Exception {
        MockHttpServletResponse response = commence(null, new AuthenticationServiceException("JWKS unreachable"));

        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void commenceWhenBearerTokenInvalidThen401WithBearerChallenge() throws Exception {
        MockHttpServletResponse response = commence(null, new InvalidBearerTokenException("Jwt expired at 2026-12-03T11:00:00Z"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(problem(response).get("detail").asString()).isEqualTo("the bearer token was refused: Jwt expired at 2026-12-03T11:00:00Z");
    }

    @Test
    void commenceWhenNoCredentialThen401InvitingBoth() throws Exception {
        MockHttpServletResponse response = commence(null, new InsufficientAuthenticationException("anonymous"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(problem(response).get("detail").asString()).contains("mutual TLS").contains("bearer token");
    }
}
