package org.fujie.trust.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.fujie.service.security.Role;
import org.fujie.service.security.token.TokenClaims;

/** Issues the access token of a log-in: a JWT signed with the current token key (CONTRACT.md lists its claims). */
public final class AccessTokens {

    /** A signed token, for whom, when it was issued and when it expires. */
    public record Issued(String token, String jti, String subject, Instant issuedAt, Instant expiresAt) {
    }

    private final TokenSigningKeys keys;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;
    private final Clock clock;

    public AccessTokens(TokenSigningKeys keys, String issuer, String audience, Duration lifetime, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Issued issue(LoginIdentity identity) {
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        Instant expires = now.plus(lifetime);
        if (identity.certificateNotAfter().isBefore(expires)) {
            expires = Instant.ofEpochSecond(identity.certificateNotAfter().getEpochSecond());
        }
        String jti = UUID.randomUUID().toString();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(identity.subject())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(jti)
                .claim(TokenClaims.SERIAL, identity.serial())
                .claim(TokenClaims.FINGERPRINT, identity.fingerprint())
                .claim(TokenClaims.X5T_S256, identity.thumbprint())
                .claim(TokenClaims.ROLES, identity.roles().stream().map(Role::name).sorted().toList());
        if (identity.organization() != null) {
            claims.claim(TokenClaims.ORGANIZATION, identity.organization());
        }
        TokenSigningKeys.ActiveKey key = keys.current();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(key.algorithm()).keyID(key.kid()).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(new KeyBackendJwsSigner(key.key(), key.algorithm()));
        } catch (JOSEException e) {
            throw new IllegalStateException("the access token could not be signed: " + e.getMessage(), e);
        }
        return new Issued(jwt.serialize(), jti, identity.subject(), now, expires);
    }
}
