package org.fujie.client.boot;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * {@code fujie.client.*}: how an intranet application reaches trust-service and which log-ins it accepts.
 * A binding only; the auto-configuration turns it into the objects that do the work.
 *
 * @param trustServiceUrl trust-service's HTTPS API, e.g. https://127.0.0.1:8445 (the starter is off without it)
 * @param trustChain Fujie's CA certificates (PEM, e.g. data/bootstrap/trust-chain.pem): trusted for the TLS to
 *        trust-service and for its JWKS
 * @param keyStore the application's own PKCS#12 (a tls-client certificate granted role APP in trust-service),
 *        presented when it calls trust-service
 * @param keyStorePassword its password
 * @param connectTimeout how long to wait for a connection to trust-service
 * @param requestTimeout how long to wait for one of its answers
 * @param defaultSecurityChain whether to install a ready filter chain when the application defines none
 */
@ConfigurationProperties("fujie.client")
public record FujieClientProperties(URI trustServiceUrl, Resource trustChain, Resource keyStore, String keyStorePassword,
        @DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("true") boolean defaultSecurityChain, @DefaultValue Mtls mtls, @DefaultValue Jwt jwt) {

    /**
     * Log-in with the client certificate of the application's own TLS connection, checked online.
     *
     * @param enabled whether a TLS client certificate logs the user in
     * @param purpose the purpose trust-service checks the certificate for (TLS_CLIENT: extended key usage clientAuth)
     * @param validTtl how long a "valid" answer is reused
     * @param invalidTtl how long an "invalid" answer is reused (shorter: a fixed problem shows soon)
     * @param cacheSize how many answers are kept at most
     * @param roleGrants roles for certificates by subject, organization or fingerprint (none by default)
     */
    public record Mtls(@DefaultValue("true") boolean enabled, @DefaultValue("TLS_CLIENT") String purpose,
            @DefaultValue("60s") Duration validTtl, @DefaultValue("10s") Duration invalidTtl,
            @DefaultValue("10000") int cacheSize, List<RoleGrant> roleGrants) {

        public Mtls {
            roleGrants = roleGrants == null ? List.of() : List.copyOf(roleGrants);
        }
    }

    /** Roles for the certificates that match every field given (subject DN, O, or SHA-256 fingerprint). */
    public record RoleGrant(String subject, String organization, String fingerprint, List<String> roles) {

        public RoleGrant {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /**
     * Resource-server log-in with JWTs that trust-service issued.
     *
     * @param enabled whether bearer tokens log the user in
     * @param issuer the expected iss
     * @param audience the audience (aud) the token must name
     * @param jwksUrl default {trust-service-url}/.well-known/jwks.json
     * @param algorithms the JWS algorithms accepted (asymmetric only; the key for each token is the JWKS key of its kid)
     * @param jwksCacheTtl how long a fetched key set is used before it is fetched again
     * @param jwksRefetchInterval the least time between two fetches caused by unknown key ids (a flood of made-up
     *        kids cannot turn into a flood of requests to trust-service)
     * @param clockSkew how much exp and nbf may be off (exp is required)
     * @param requireCertificateBinding a token that names a certificate ({@code cnf.x5t#S256}, RFC 8705) is accepted
     *        only over a TLS connection with that client certificate
     */
    public record Jwt(@DefaultValue("true") boolean enabled, @DefaultValue("https://127.0.0.1:8445") String issuer,
            @DefaultValue("fujie") String audience, URI jwksUrl, @DefaultValue("30s") Duration clockSkew,
            @DefaultValue({"ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512"}) List<String> algorithms,
            @DefaultValue("5m") Duration jwksCacheTtl, @DefaultValue("30s") Duration jwksRefetchInterval,
            @DefaultValue("true") boolean requireCertificateBinding, @DefaultValue Introspection introspection) {
    }

    /**
     * Asking trust-service (RFC 7662) whether a token is still active, so a log-out takes effect at once.
     *
     * @param enabled whether to ask (off by default: one more call per token and cache period)
     * @param cacheTtl how long an answer is reused
     * @param cacheSize how many answers are kept at most
     */
    public record Introspection(@DefaultValue("false") boolean enabled, @DefaultValue("10s") Duration cacheTtl,
            @DefaultValue("10000") int cacheSize) {
    }
}
