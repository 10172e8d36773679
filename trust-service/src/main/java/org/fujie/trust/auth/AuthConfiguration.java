package org.fujie.trust.auth;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.KeyBackend;
import org.fujie.pki.validation.CertificateValidator;
import org.fujie.pki.validation.JdkHttpFetcher;
import org.fujie.pki.validation.RevocationChecker;
import org.fujie.pki.validation.TrustAnchor;
import org.fujie.pki.validation.ValidationPolicy;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.security.CertificateRoleResolver;
import org.fujie.service.security.token.TokenDecoders;
import org.fujie.trust.anchor.AnchorService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Wiring of certificate log-in and its tokens. */
@Configuration
class AuthConfiguration {

    @Bean
    Challenges challenges(JdbcClient jdbc, AuthProperties settings, Clock clock) {
        return Challenges.create(jdbc, settings.challengeLifetime(), clock);
    }

    @Bean
    TokenSigningKeys tokenSigningKeys(JdbcClient jdbc, KeyBackend keys, AuthProperties settings, Clock clock) {
        KeyAlgorithm algorithm = KeyAlgorithm.fromId(settings.keyAlgorithm()).orElseThrow(() -> new IllegalArgumentException(
                "fujie.auth.key-algorithm: no key algorithm " + settings.keyAlgorithm()));
        return new TokenSigningKeys(jdbc, keys, algorithm, settings.keyRotation(), settings.tokenLifetime(), clock);
    }

    @Bean
    AccessTokens accessTokens(TokenSigningKeys keys, AuthProperties settings, Clock clock) {
        return new AccessTokens(keys, settings.issuer(), settings.audience(), settings.tokenLifetime(), clock);
    }

    @Bean
    RevokedTokens revokedTokens(JdbcClient jdbc, AuditedTransactions audited, Clock clock) {
        return new RevokedTokens(jdbc, audited, clock);
    }

    /**
     * trust-service checks bearer tokens against its own keys, directly, and refuses logged-out ones. Primary: a
     * deployment that gives every service the same fujie.auth.jwks-uri (Compose, Kubernetes) also makes the remote
     * decoder here, and the own one must win.
     */
    @Bean
    @Primary
    JwtDecoder ownTokenDecoder(TokenSigningKeys keys, RevokedTokens revoked, AuthProperties settings) {
        JWKSource<SecurityContext> published = (selector, context) -> selector.select(keys.published());
        return TokenDecoders.of(published, settings.issuer(), settings.audience(), List.of(revoked.validator()));
    }

    /** Challenge and token answers in one write each (the two requests of every log-in). */
    @Bean
    FilterRegistrationBean<WholeAnswers> wholeLoginAnswers() {
        FilterRegistrationBean<WholeAnswers> registration = new FilterRegistrationBean<>(new WholeAnswers());
        registration.addUrlPatterns("/api/v1/auth/challenge", "/api/v1/auth/token");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /**
     * Log-ins validate with their own revocation checker: its caches keep no answer longer than
     * {@code fujie.auth.revocation-max-age}, so a revoked certificate stops logging in within that time.
     */
    @Bean
    CertificateLogin certificateLogin(Challenges challenges, AnchorService anchors, ValidationPolicy policy, JdkHttpFetcher fetcher,
            CertificateRoleResolver roles, AccessTokens tokens, AuditedTransactions audited, AuthProperties settings, Clock clock) {
        RevocationChecker fresh = RevocationChecker.ocspThenCrl(fetcher, policy, settings.revocationMaxAge());
        LoginThrottle throttle = new LoginThrottle(settings.maxFailuresPerSubject(), settings.maxFailuresPerAddress(),
                settings.failureWindow(), clock);
        return new CertificateLogin(challenges, new LoginCertificates(settings.certificateCacheSize()),
                validatorPerAnchorSet(anchors, anchorSet -> new CertificateValidator(anchorSet, policy, fetcher, fresh, clock)),
                roles, tokens, throttle, audited);
    }

    /** A validator is thread-safe and made for a set of anchors: one is kept until AnchorService's set changes. */
    private static Supplier<CertificateValidator> validatorPerAnchorSet(AnchorService anchors,
            Function<List<TrustAnchor>, CertificateValidator> make) {
        AtomicReference<Map.Entry<List<TrustAnchor>, CertificateValidator>> kept = new AtomicReference<>();
        return () -> {
            List<TrustAnchor> current = anchors.anchors();
            Map.Entry<List<TrustAnchor>, CertificateValidator> entry = kept.get();
            if (entry == null || entry.getKey() != current) {
                entry = Map.entry(current, make.apply(current));
                kept.set(entry);
            }
            return entry.getValue();
        };
    }
}
