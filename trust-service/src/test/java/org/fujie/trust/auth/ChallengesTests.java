package org.fujie.trust.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.fujie.pki.validation.MutableClock;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Challenges that are not stored until answered: only ids this cluster made open, and each can be used up once. */
class ChallengesTests {

    private static final Duration LIFETIME = Duration.ofSeconds(60);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T00:00:00Z"));
    private JdbcClient jdbc;
    private Challenges challenges;

    @BeforeEach
    void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/support", "classpath:db/trust").load().migrate();
        jdbc = JdbcClient.create(h2);
        challenges = Challenges.create(jdbc, LIFETIME, clock);
    }

    @Test
    void aChallengeOpensWithItsNonceAndExpiryOnThisAndEveryOtherInstance() {
        Challenges.Challenge issued = challenges.issue();
        assertThat(issued.expiresAt()).isEqualTo(clock.instant().plus(LIFETIME));
        assertThat(issued.nonce()).hasSize(43);
        assertThat(challenges.open(issued.id())).contains(issued);
        Challenges otherInstance = Challenges.create(jdbc, LIFETIME, clock);
        assertThat(otherInstance.open(issued.id())).as("the secret is shared through the database").contains(issued);
        assertThat(challenges.issue().nonce()).isNotEqualTo(issued.nonce());
    }

    @Test
    void anIdNotMadeHereOrChangedInAnyPartDoesNotOpen() {
        String id = challenges.issue().id();
        String[] parts = id.split("\\.");
        assertThat(parts).hasSize(4);
        String otherNonce = challenges.issue().nonce();
        long laterExpiry = Long.parseLong(parts[1]) + 3600;
        assertThat(challenges.open(parts[0] + "." + parts[1] + "." + otherNonce + "." + parts[3])).isEmpty();
        assertThat(challenges.open(parts[0] + "." + laterExpiry + "." + parts[2] + "." + parts[3])).isEmpty();
        assertThat(challenges.open(id.substring(0, id.length() - 1) + (id.endsWith("A") ? "B" : "A"))).isEmpty();
        assertThat(challenges.open("c2" + id.substring(2))).isEmpty();
        assertThat(challenges.open(parts[1] + "." + parts[2] + "." + parts[3])).isEmpty();
        assertThat(challenges.open("")).isEmpty();
        assertThat(challenges.open(null)).isEmpty();
        assertThat(challenges.open("c1." + "x".repeat(200))).isEmpty();
        jdbc.sql("delete from auth_secret").update();
        Challenges anotherCluster = Challenges.create(jdbc, LIFETIME, clock);
        assertThat(anotherCluster.open(id)).as("another secret").isEmpty();
    }

    @Test
    void aChallengeExpires() {
        Challenges.Challenge issued = challenges.issue();
        clock.advance(LIFETIME.minusSeconds(1));
        assertThat(challenges.open(issued.id())).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(challenges.open(issued.id())).isEmpty();
    }

    @Test
    void aChallengeIsUsedUpOnceAndTheRecordIsPurgedAfterItWouldHaveExpired() {
        Challenges.Challenge issued = challenges.issue();
        assertThat(challenges.useUp(jdbc, issued)).isTrue();
        assertThat(challenges.useUp(jdbc, issued)).as("a replay").isFalse();
        assertThat(challenges.useUp(jdbc, challenges.issue())).isTrue();
        assertThatThrownBy(() -> jdbc.sql("insert into auth_challenge_used (nonce, expires_at) values (?, ?)")
                .params(issued.nonce(), java.time.OffsetDateTime.now()).update())
                .as("concurrent answers meet the primary key").isInstanceOf(DuplicateKeyException.class);

        challenges.purgeExpired();
        assertThat(count()).isEqualTo(2);
        clock.advance(LIFETIME.plusSeconds(1));
        challenges.purgeExpired();
        assertThat(count()).isZero();
    }

    private long count() {
        return jdbc.sql("select count(*) from auth_challenge_used").query(Long.class).single();
    }
}
