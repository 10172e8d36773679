package org.fujie.trust.auth;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Binding of {@code fujie.auth.*}: certificate log-in for intranet applications and the tokens it issues.
 *
 * @param issuer the {@code iss} of every token, trust-service's public HTTPS URL (what resource servers expect)
 * @param audience the {@code aud} of every token
 * @param tokenLifetime how long a token is valid; short, since resource servers check it offline
 * @param challengeLifetime how long a challenge may be answered
 * @param keyAlgorithm the token signing key's algorithm: EC-P256 (ES256), EC-P384 (ES384), RSA-2048/3072 (RS256)
 * @param keyRotation a new signing key every this long; the old one stays published while its tokens live
 * @param revocationMaxAge the oldest revocation answer (OCSP or CRL) a log-in accepts from the cache
 * @param maxFailuresPerSubject failed log-ins of one certificate subject within {@code failureWindow} before it is refused
 * @param maxFailuresPerAddress failed log-ins from one client address within {@code failureWindow} before it is refused
 * @param failureWindow the window over which failures count
 * @param certificateCacheSize how many users' certificates log-in keeps read (about 20 KB each)
 */
@ConfigurationProperties("fujie.auth")
public record AuthProperties(
        @DefaultValue("https://127.0.0.1:8445") String issuer,
        @DefaultValue("fujie") String audience,
        @DefaultValue("10m") Duration tokenLifetime,
        @DefaultValue("60s") Duration challengeLifetime,
        @DefaultValue("EC-P256") String keyAlgorithm,
        @DefaultValue("24h") Duration keyRotation,
        @DefaultValue("60s") Duration revocationMaxAge,
        @DefaultValue("5") int maxFailuresPerSubject,
        @DefaultValue("20") int maxFailuresPerAddress,
        @DefaultValue("5m") Duration failureWindow,
        @DefaultValue("4096") int certificateCacheSize) {
}
