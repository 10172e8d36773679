package org.fujie.client.boot.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fujie.client.boot.mtls.CertificateRejectedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.WebAttributes;

/**
 * Why a request is not logged in, as problem JSON: a refused certificate or token is 401 with trust-service's reason,
 * a check that could not be made (trust-service or its JWKS unreachable) is 503, so users and operators can tell
 * "you may not" from "we cannot tell right now". The X.509 filter leaves its failure in a request attribute.
 */
public final class FujieAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final boolean bearerTokens;

    /** @param bearerTokens whether to invite bearer tokens (WWW-Authenticate: Bearer) */
    public FujieAuthenticationEntryPoint(boolean bearerTokens) {
        this.bearerTokens = bearerTokens;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        AuthenticationException cause = exception;
        if (!(exception instanceof OAuth2AuthenticationException || exception instanceof AuthenticationServiceException)
                && request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException earlier) {
            cause = earlier;
        }
        if (cause instanceof AuthenticationServiceException) {
            response.setHeader("Retry-After", "5");
            ProblemJson.write(response, 503, ProblemJson.TRUST_SERVICE_UNAVAILABLE, "The log-in cannot be checked right now",
                    "Fujie's trust-service could not be asked whether the credential is good, so it is not accepted; "
                            + "try again shortly (" + cause.getMessage() + ")");
            return;
        }
        if (cause instanceof OAuth2AuthenticationException oauth) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            ProblemJson.write(response, 401, ProblemJson.UNAUTHORIZED, "Authentication is required",
                    "the bearer token was refused: " + oauth.getError().getDescription());
            return;
        }
        if (bearerTokens) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        String detail = cause instanceof CertificateRejectedException rejected ? rejected.getMessage()
                : "log in with a Fujie certificate (mutual TLS)" + (bearerTokens ? " or a bearer token from trust-service" : "");
        ProblemJson.write(response, 401, ProblemJson.UNAUTHORIZED, "Authentication is required", detail);
    }
}
