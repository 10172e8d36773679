-- trust-service: log-in challenges are no longer stored when handed out (their id carries nonce and expiry under an
-- HMAC); only answered ones are, until they would have expired, so a replay is refused on any instance.
drop table auth_challenge;

create table auth_challenge_used (
    nonce      varchar(64) primary key,
    expires_at timestamp with time zone not null
);
create index auth_challenge_used_expiry_idx on auth_challenge_used (expires_at);

-- Secrets the instances of a cluster share; today only the HMAC key of the challenges (name challenge-mac).
create table auth_secret (
    name   varchar(64)  primary key,
    secret varchar(128) not null
);
