package org.fujie.client.boot.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.fujie.client.boot.FujieClientProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

class FujieJwtDecodersTests {

    private static FujieClientProperties.Jwt settings(List<String> algorithms, boolean binding) {
        return new FujieClientProperties.Jwt(true, "https://127.0.0.1:8445", "fujie", null, Duration.ofSeconds(30), algorithms,
                Duration.ofMinutes(5), Duration.ofSeconds(30), binding, new FujieClientProperties.Introspection(false, Duration.ofSeconds(10), 10));
    }

    private static Jwt.Builder token() {
        Instant now = Instant.now();
        return Jwt.withTokenValue("t").header("alg", "ES256").header("typ", "JWT").issuer("https://127.0.0.1:8445")
                .audience(List.of("fujie")).subject("CN=Carol").issuedAt(now).notBefore(now).expiresAt(now.plusSeconds(600));
    }

    @Test
    void createWhenSymmetricOrNoAlgorithmConfiguredThenRefused() {
        for (String algorithm : List.of("HS256", "none")) {
            assertThatThrownBy(() -> FujieJwtDecoders.create(settings(List.of(algorithm), true), URI.create("https://localhost/jwks"),
                    HttpClient.newHttpClient(), Duration.ofSeconds(1), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an asymmetric");
        }
        assertThatThrownBy(() -> FujieJwtDecoders.create(settings(List.of(), true), URI.create("https://localhost/jwks"),
                HttpClient.newHttpClient(), Duration.ofSeconds(1), null)).hasMessageContaining("empty");
    }

    @Test
    void validatorWhenClaimsAsTrustServiceIssuesThemThenPasses() {
        assertThat(FujieJwtDecoders.validator(settings(List.of("ES256"), true), null).validate(token().build()).hasErrors()).isFalse();
    }

    @Test
    void validatorWhenNoExpiryOrNoSubjectOrWrongTypThenFails() {
        OAuth2TokenValidator<Jwt> validator = FujieJwtDecoders.validator(settings(List.of("ES256"), true), null);
        Jwt noExpiry = token().claims(claims -> claims.remove("exp")).build();
        Jwt noSubject = token().claims(claims -> claims.remove("sub")).build();
        Jwt wrongType = token().header("typ", "at+jwt").build();

        assertThat(validator.validate(noExpiry).hasErrors()).isTrue();
        assertThat(validator.validate(noSubject).hasErrors()).isTrue();
        assertThat(validator.validate(wrongType).hasErrors()).isTrue();
    }

    @Test
    void validatorWhenCertificateBoundAndBindingRequiredThenFailsWithoutTheCertificateElsePasses() {
        Jwt bound = token().claim("cnf", Map.of("x5t#S256", "abc")).build();

        assertThat(FujieJwtDecoders.validator(settings(List.of("ES256"), true), null).validate(bound).hasErrors()).isTrue();
        assertThat(FujieJwtDecoders.validator(settings(List.of("ES256"), false), null).validate(bound).hasErrors()).isFalse();
    }
}
