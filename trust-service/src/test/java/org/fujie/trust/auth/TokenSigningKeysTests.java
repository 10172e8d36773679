package org.fujie.trust.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;

import org.flywaydb.core.Flyway;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.SoftwareKeyBackend;
import org.fujie.pki.validation.MutableClock;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rotation with overlap: the next key is published before it signs, the last stays published while its tokens live. */
class TokenSigningKeysTests {

    private static final Duration ROTATION = Duration.ofHours(24);
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T00:00:00Z"));
    private JdbcClient jdbc;
    private SoftwareKeyBackend backend;

    @BeforeEach
    void database(@TempDir Path keys) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/support", "classpath:db/trust").load().migrate();
        jdbc = JdbcClient.create(h2);
        backend = new SoftwareKeyBackend(keys, "key passphrase".toCharArray());
    }

    @Test
    void currentWhenPeriodEndsThenNewKeyWhileTheOldStaysPublishedForATokenLifetime() {
        TokenSigningKeys keys = new TokenSigningKeys(jdbc, backend, KeyAlgorithm.EC_P256, ROTATION, LIFETIME, clock);
        String first = keys.current().kid();
        assertThat(keys.current().algorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(kids(keys)).containsExactly(first);

        clock.advance(Duration.ofHours(13));
        assertThat(keys.current().kid()).as("still the first period").isEqualTo(first);
        clock.advance(Duration.ofSeconds(11));
        assertThat(kids(keys)).as("the next key is published half a period ahead").hasSize(2).contains(first);
        String next = kids(keys)[0];
        assertThat(next).isNotEqualTo(first);

        clock.advance(Duration.ofHours(11));
        assertThat(keys.current().kid()).isEqualTo(next);
        assertThat(kids(keys)).as("tokens of the first key still live").contains(first, next);

        clock.advance(LIFETIME.plus(Duration.ofMinutes(2)));
        assertThat(kids(keys)).doesNotContain(first).contains(next);
        assertThat(keys.published().getKeys()).allSatisfy(jwk -> assertThat(jwk.isPrivate()).isFalse());
    }

    @Test
    void currentWhenTwoInstancesRotateAtOnceThenTheyAgreeOnOneKey() {
        TokenSigningKeys one = new TokenSigningKeys(jdbc, backend, KeyAlgorithm.EC_P256, ROTATION, LIFETIME, clock);
        TokenSigningKeys two = new TokenSigningKeys(jdbc, backend, KeyAlgorithm.EC_P256, ROTATION, LIFETIME, clock);

        assertThat(one.current().kid()).isEqualTo(two.current().kid());
        assertThat(one.current().key().publicKeyInfo()).isEqualTo(two.current().key().publicKeyInfo());
    }

    @Test
    void constructWhenAlgorithmHasNoJoseNameThenRefused() {
        assertThatThrownBy(() -> new TokenSigningKeys(jdbc, backend, KeyAlgorithm.SM2, ROTATION, LIFETIME, clock))
                .hasMessageContaining("EC-P256");
        assertThat(TokenSigningKeys.jwsAlgorithm(KeyAlgorithm.RSA_3072)).isEqualTo(JWSAlgorithm.RS256);
        assertThat(TokenSigningKeys.jwsAlgorithm(KeyAlgorithm.EC_P384)).isEqualTo(JWSAlgorithm.ES384);
    }

    private String[] kids(TokenSigningKeys keys) {
        clock.advance(Duration.ofSeconds(11)); // past the published set's refresh
        return keys.published().getKeys().stream().map(JWK::getKeyID).toArray(String[]::new);
    }
}
