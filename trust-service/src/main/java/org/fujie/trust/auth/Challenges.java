package org.fujie.trust.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * One-time log-in challenges, kept in the database so any instance of a cluster can take the answer. Taking a
 * challenge deletes it in the same statement, so a second use (a replay) finds nothing, on any instance.
 */
public final class Challenges {

    /** A challenge as handed out: the user signs the UTF-8 bytes of {@code nonce}. */
    public record Challenge(String id, String nonce, Instant expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Duration lifetime;
    private final Clock clock;

    public Challenges(JdbcClient jdbc, Duration lifetime, Clock clock) {
        this.jdbc = jdbc;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Challenge issue() {
        Instant expires = clock.instant().plus(lifetime);
        Challenge challenge = new Challenge(random(), random(), expires);
        jdbc.sql("insert into auth_challenge (id, nonce, expires_at) values (?, ?, ?)")
                .params(challenge.id(), challenge.nonce(), OffsetDateTime.ofInstant(expires, ZoneOffset.UTC))
                .update();
        return challenge;
    }

    /** The challenge's nonce if it exists and has not expired; either way it can never be taken again. */
    public Optional<String> take(String id) {
        if (id == null || id.length() > 64) {
            return Optional.empty();
        }
        Optional<Challenge> found = jdbc.sql("select id, nonce, expires_at from auth_challenge where id = ?").param(id)
                .query((rs, n) -> new Challenge(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        // The delete decides: of two concurrent answers to one challenge only one deletes the row.
        int taken = jdbc.sql("delete from auth_challenge where id = ?").param(id).update();
        if (taken != 1 || !clock.instant().isBefore(found.get().expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(found.get().nonce());
    }

    @Scheduled(fixedDelayString = "${fujie.auth.challenge-lifetime:60s}")
    public void purgeExpired() {
        jdbc.sql("delete from auth_challenge where expires_at < ?")
                .param(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
