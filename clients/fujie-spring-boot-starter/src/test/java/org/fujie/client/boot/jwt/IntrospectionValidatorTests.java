package org.fujie.client.boot.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.fujie.client.boot.MovableClock;
import org.fujie.client.boot.trust.StandInTrustService;
import org.fujie.client.boot.trust.TrustServiceUnavailableException;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class IntrospectionValidatorTests {

    private final MovableClock clock = new MovableClock();

    private static Jwt jwt(String value) {
        return Jwt.withTokenValue(value).header("alg", "ES256").subject("CN=Carol").issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600)).build();
    }

    @Test
    void validateWhenActiveThenSuccessAndAnswerReusedForItsTimeToLive() throws Exception {
        try (StandInTrustService trust = new StandInTrustService()) {
            trust.answer(200, "{\"active\":true}");
            IntrospectionValidator validator = new IntrospectionValidator(trust.client(), Duration.ofSeconds(10), 100, clock);

            assertThat(validator.validate(jwt("t1")).hasErrors()).isFalse();
            assertThat(validator.validate(jwt("t1")).hasErrors()).isFalse();
            assertThat(trust.requests()).hasSize(1);
            clock.advance(Duration.ofSeconds(10));
            trust.answer(200, "{\"active\":false}");
            // Logged out meanwhile: once the cached answer expires, the token is refused.
            assertThat(validator.validate(jwt("t1")).getErrors()).singleElement()
                    .satisfies(error -> assertThat(error.getDescription()).contains("no longer active"));
            assertThat(trust.requests()).hasSize(2);
        }
    }

    @Test
    void validateWhenTrustServiceFailsThenUnavailableNotARefusal() throws Exception {
        try (StandInTrustService trust = new StandInTrustService()) {
            trust.answer(500, "{}");
            IntrospectionValidator validator = new IntrospectionValidator(trust.client(), Duration.ofSeconds(10), 100, clock);

            assertThatThrownBy(() -> validator.validate(jwt("t2"))).isInstanceOf(TrustServiceUnavailableException.class);
        }
    }
}
