package org.fujie.trust.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * One-time log-in challenges. Handing one out stores nothing: its id carries the nonce and the expiry under an HMAC
 * with a secret all instances of a cluster share (kept in the database), so any instance can check an answer and a
 * challenge costs no database work. Answering uses it up: {@link #useUp} records the nonce in the transaction of the
 * log-in's audit entry, and a nonce recorded before (a replay) is refused, on any instance. Recorded nonces are
 * purged once their challenge would have expired anyway.
 */
public final class Challenges {

    /** A challenge as handed out: the user signs the UTF-8 bytes of {@code nonce}. */
    public record Challenge(String id, String nonce, Instant expiresAt) {
    }

    private static final String VERSION = "c1";
    private static final int MAX_ID_CHARS = 128;
    private static final int MAC_BYTES = 16;
    private static final String SECRET_NAME = "challenge-mac";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;
    /** One keyed HMAC per thread: doFinal resets it, and keying it anew for every challenge is half its cost. */
    private final ThreadLocal<Mac> macs;
    private final Duration lifetime;
    private final Clock clock;

    private Challenges(JdbcClient jdbc, byte[] secret, Duration lifetime, Clock clock) {
        this.jdbc = jdbc;
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac hmac = Mac.getInstance("HmacSHA256");
                hmac.init(key);
                return hmac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is not available", e);
            }
        });
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Challenges under the cluster's shared secret, which the first instance to start creates. */
    public static Challenges create(JdbcClient jdbc, Duration lifetime, Clock clock) {
        return new Challenges(jdbc, sharedSecret(jdbc), lifetime, clock);
    }

    public Challenge issue() {
        long expires = clock.instant().plus(lifetime).getEpochSecond();
        String nonce = random(32);
        String signed = VERSION + "." + expires + "." + nonce;
        return new Challenge(signed + "." + mac(signed), nonce, Instant.ofEpochSecond(expires));
    }

    /**
     * The challenge behind an id if this service (or another instance of it) handed it out and it has not expired.
     * Whether it was answered before is decided by {@link #useUp}.
     */
    public Optional<Challenge> open(String id) {
        if (id == null || id.length() > MAX_ID_CHARS) {
            return Optional.empty();
        }
        int macAt = id.lastIndexOf('.');
        int nonceAt = macAt < 0 ? -1 : id.lastIndexOf('.', macAt - 1);
        int expiryAt = nonceAt < 0 ? -1 : id.lastIndexOf('.', nonceAt - 1);
        if (expiryAt != VERSION.length() || !id.startsWith(VERSION)) {
            return Optional.empty();
        }
        String signed = id.substring(0, macAt);
        if (!MessageDigest.isEqual(mac(signed).getBytes(StandardCharsets.US_ASCII),
                id.substring(macAt + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochSecond(Long.parseLong(id.substring(expiryAt + 1, nonceAt)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(new Challenge(id, id.substring(nonceAt + 1, macAt), expiresAt));
    }

    /**
     * Records the challenge as answered, in the caller's transaction: false if it was answered before. Two answers
     * racing in concurrent transactions: the second one's insert fails with {@link DuplicateKeyException}.
     */
    public boolean useUp(JdbcClient transaction, Challenge challenge) {
        return transaction.sql("insert into auth_challenge_used (nonce, expires_at) select ?, ? where not exists"
                        + " (select 1 from auth_challenge_used where nonce = ?)")
                .params(challenge.nonce(), OffsetDateTime.ofInstant(challenge.expiresAt(), ZoneOffset.UTC), challenge.nonce())
                .update() == 1;
    }

    @Scheduled(fixedDelayString = "${fujie.auth.challenge-lifetime:60s}")
    public void purgeExpired() {
        jdbc.sql("delete from auth_challenge_used where expires_at < ?")
                .param(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
    }

    private String mac(String signed) {
        Mac hmac = macs.get();
        return BASE64URL.encodeToString(Arrays.copyOf(hmac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)), MAC_BYTES));
    }

    private static byte[] sharedSecret(JdbcClient jdbc) {
        Optional<String> stored = storedSecret(jdbc);
        if (stored.isEmpty()) {
            try {
                jdbc.sql("insert into auth_secret (name, secret) values (?, ?)").params(SECRET_NAME, random(32)).update();
            } catch (DuplicateKeyException anotherInstanceWasFirst) {
                // its secret is the one
            }
            stored = storedSecret(jdbc);
        }
        return Base64.getUrlDecoder().decode(stored.orElseThrow());
    }

    private static Optional<String> storedSecret(JdbcClient jdbc) {
        return jdbc.sql("select secret from auth_secret where name = ?").param(SECRET_NAME).query(String.class).optional();
    }

    private static String random(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return BASE64URL.encodeToString(random);
    }
}
