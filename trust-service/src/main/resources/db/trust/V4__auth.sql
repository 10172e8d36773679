-- trust-service: certificate log-in for intranet applications.

-- One-time challenges; the answer deletes the row, so a replay finds nothing.
create table auth_challenge (
    id         varchar(64)  primary key,
    nonce      varchar(64)  not null,
    expires_at timestamp with time zone not null
);
create index auth_challenge_expiry_idx on auth_challenge (expires_at);

-- Token signing keys (private parts in the key backend under key_alias), one per rotation period: kid names the
-- period, so instances that rotate at once agree on one key (the first insert wins).
create table auth_signing_key (
    kid        varchar(64)   primary key,
    key_alias  varchar(128)  not null,
    algorithm  varchar(16)   not null,
    public_jwk varchar(4000) not null,
    valid_from timestamp with time zone not null,
    valid_to   timestamp with time zone not null
);

-- Tokens ended before their expiry (log-out), kept until they would have expired.
create table auth_revoked_token (
    jti        varchar(64)   primary key,
    subject    varchar(1024) not null,
    revoked_at timestamp with time zone not null,
    expires_at timestamp with time zone not null
);
