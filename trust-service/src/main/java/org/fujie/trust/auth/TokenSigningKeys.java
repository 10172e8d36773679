package org.fujie.trust.auth;

import java.io.IOException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.KeyBackend;
import org.fujie.pki.operator.SigningKey;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The keys trust-service signs access tokens with, one per rotation period. A period's key is made (in the key
 * backend) halfway through the period before it, so it is published before any token uses it and resource servers
 * that cache the key set know it in time; a key stays published until the last token it signed has expired. The
 * {@code kid} names algorithm and period: instances that rotate at once insert the same kid and the first wins.
 */
public final class TokenSigningKeys {

    /** The key tokens are signed with now. */
    public record ActiveKey(String kid, JWSAlgorithm algorithm, SigningKey key, Instant validTo) {
    }

    private record Stored(String kid, String alias, String publicJwk, Instant validFrom, Instant validTo) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration PUBLISHED_REFRESH = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final KeyBackend keys;
    private final KeyAlgorithm algorithm;
    private final JWSAlgorithm jwsAlgorithm;
    private final Duration rotation;
    private final Duration tokenLifetime;
    private final Clock clock;
    private volatile ActiveKey active;
    private volatile JWKSet published;
    private volatile Instant publishedAt = Instant.MIN;

    public TokenSigningKeys(JdbcClient jdbc, KeyBackend keys, KeyAlgorithm algorithm, Duration rotation, Duration tokenLifetime,
            Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.algorithm = algorithm;
        this.jwsAlgorithm = jwsAlgorithm(algorithm);
        if (rotation.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("fujie.auth.key-rotation must be at least a minute");
        }
        this.rotation = rotation;
        this.tokenLifetime = tokenLifetime;
        this.clock = clock;
    }

    /** The JOSE algorithm of a Fujie key algorithm; SM2 and Ed25519 have none resource servers commonly verify. */
    public static JWSAlgorithm jwsAlgorithm(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case EC_P256 -> JWSAlgorithm.ES256;
            case EC_P384 -> JWSAlgorithm.ES384;
            case RSA_2048, RSA_3072, RSA_4096 -> JWSAlgorithm.RS256;
            default -> throw new IllegalArgumentException("tokens cannot be signed with " + algorithm.id()
                    + ": use EC-P256, EC-P384 or RSA-2048/3072 for fujie.auth.key-algorithm");
        };
    }

    public ActiveKey current() {
        Instant now = clock.instant();
        ActiveKey key = active;
        if (key != null && now.isBefore(key.validTo())) {
            return key;
        }
        synchronized (this) {
            key = active;
            if (key != null && now.isBefore(key.validTo())) {
                return key;
            }
            long period = now.getEpochSecond() / rotation.toSeconds();
            Stored stored = ensure(period);
            key = new ActiveKey(stored.kid(), jwsAlgorithm, keys.get(stored.alias()), stored.validTo());
            active = key;
            publishedAt = Instant.MIN;
            return key;
        }
    }

    /** The public keys of every token that may still be valid, and of the next period's key once it exists. */
    public JWKSet published() {
        ActiveKey key = current();
        Instant now = clock.instant();
        if (now.isBefore(publishedAt.plus(PUBLISHED_REFRESH)) && published != null) {
            return published;
        }
        if (now.isAfter(key.validTo().minus(rotation.dividedBy(2)))) {
            ensure(now.getEpochSecond() / rotation.toSeconds() + 1);
        }
        List<JWK> jwks = jdbc.sql("select * from auth_signing_key where valid_to > ? order by valid_from desc")
                .param(OffsetDateTime.ofInstant(now.minus(tokenLifetime).minus(Duration.ofMinutes(1)), ZoneOffset.UTC))
                .query((rs, n) -> rs.getString("public_jwk")).list().stream()
                .map(TokenSigningKeys::parse).toList();
        JWKSet set = new JWKSet(jwks);
        published = set;
        publishedAt = now;
        return set;
    }

    private Stored ensure(long period) {
        String kid = jwsAlgorithm.getName() + "-" + period;
        Optional<Stored> existing = find(kid);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] suffix = new byte[6];
        RANDOM.nextBytes(suffix);
        String alias = "jwt-" + kid + "-" + HexFormat.of().formatHex(suffix);
        SigningKey generated = keys.generate(alias, algorithm);
        Instant from = Instant.ofEpochSecond(period * rotation.toSeconds());
        jdbc.sql("insert into auth_signing_key (kid, key_alias, algorithm, public_jwk, valid_from, valid_to) "
                        + "select ?, ?, ?, ?, ?, ? where not exists (select 1 from auth_signing_key where kid = ?)")
                .params(kid, alias, algorithm.id(), jwk(kid, generated).toJSONString(), OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(from.plus(rotation), ZoneOffset.UTC), kid)
                .update();
        return find(kid).orElseThrow(() -> new IllegalStateException("the token signing key " + kid + " was not stored"));
    }

    private Optional<Stored> find(String kid) {
        return jdbc.sql("select * from auth_signing_key where kid = ?").param(kid)
                .query((rs, n) -> new Stored(rs.getString("kid"), rs.getString("key_alias"), rs.getString("public_jwk"),
                        rs.getObject("valid_from", OffsetDateTime.class).toInstant(),
                        rs.getObject("valid_to", OffsetDateTime.class).toInstant()))
                .optional();
    }

    private JWK jwk(String kid, SigningKey key) {
        PublicKey publicKey;
        try {
            publicKey = BouncyCastleProvider.getPublicKey(key.publicKeyInfo());
        } catch (IOException e) {
            throw new IllegalStateException("the token signing key's public key cannot be read", e);
        }
        if (publicKey instanceof ECPublicKey ec) {
            return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).keyID(kid).keyUse(KeyUse.SIGNATURE)
                    .algorithm(jwsAlgorithm).build();
        }
        return new RSAKey.Builder((RSAPublicKey) publicKey).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(jwsAlgorithm).build();
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored token signing key is unreadable", e);
        }
    }
}
