package org.fujie.trust.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tokens ended by log-out before their expiry. trust-service refuses them itself and says so to introspection;
 * services that check tokens offline accept them until they expire, which is why tokens are short-lived.
 */
public final class RevokedTokens {

    private final JdbcClient jdbc;
    private final AuditedTransactions audited;
    private final Clock clock;

    public RevokedTokens(JdbcClient jdbc, AuditedTransactions audited, Clock clock) {
        this.jdbc = jdbc;
        this.audited = audited;
        this.clock = clock;
    }

    /** Idempotent: logging out twice is not an error. */
    public void revoke(String jti, String subject, Instant expiresAt, String actor) {
        audited.execute(AuditEvent.of(actor, "logout", "token:" + jti, Map.of()), tx -> tx.sql("insert into auth_revoked_token (jti, subject, revoked_at, expires_at) "
                        + "select ?, ?, ?, ? where not exists (select 1 from auth_revoked_token where jti = ?)")
                .params(jti, subject, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC), jti)
                .update());
    }

    public boolean isRevoked(String jti) {
        return jti != null && jdbc.sql("select count(*) from auth_revoked_token where jti = ?").param(jti)
                .query(Long.class).single() > 0;
    }

    /** For trust-service's own decoder: a logged-out token is not a credential any more. */
    public OAuth2TokenValidator<Jwt> validator() {
        return jwt -> isRevoked(jwt.getId())
                ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token was logged out", null))
                : OAuth2TokenValidatorResult.success();
    }

    @Scheduled(fixedDelayString = "${fujie.auth.token-lifetime:10m}")
    public void purgeExpired() {
        jdbc.sql("delete from auth_revoked_token where expires_at < ?")
                .param(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
    }
}
