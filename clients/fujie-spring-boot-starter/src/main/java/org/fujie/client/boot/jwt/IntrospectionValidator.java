package org.fujie.client.boot.jwt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import org.fujie.client.boot.support.ExpiringCache;
import org.fujie.client.boot.trust.TrustServiceClient;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * After the signature and claims pass: asks trust-service whether the token is still active (a log-out revokes it),
 * reusing answers briefly. Runs last, so forged or expired tokens never cause a call. Unreachable: fails closed.
 */
public final class IntrospectionValidator implements OAuth2TokenValidator<Jwt> {

    private final TrustServiceClient trustService;
    private final Duration ttl;
    private final ExpiringCache<String, Boolean> cache;

    public IntrospectionValidator(TrustServiceClient trustService, Duration ttl, int maxEntries, Clock clock) {
        this.trustService = trustService;
        this.ttl = ttl;
        this.cache = new ExpiringCache<>(maxEntries, clock);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        // The cache holds hashes, not bearer tokens.
        boolean active = cache.computeIfAbsent(sha256(jwt.getTokenValue()), hash -> trustService.introspect(jwt.getTokenValue()),
                answer -> ttl);
        return active ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                        "trust-service says the token is no longer active", null));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
