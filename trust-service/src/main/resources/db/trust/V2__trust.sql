-- trust-service: the anchors it trusts and the TSA signers it has been issued.

-- A trust anchor: a CA certificate, optionally limited to purposes (DOCUMENT_SIGNING, TLS_SERVER,
-- TLS_CLIENT, TIME_STAMPING; empty: all).
create table trust_anchor (
    id              varchar(36)   primary key,
    subject         varchar(1024) not null,
    fingerprint     char(64)      not null unique,
    certificate_der bytea         not null,
    purposes        varchar(256)  not null,
    created_at      timestamp with time zone not null
);

-- TSA signing keys (in the key backend) and their certificates from ca-service; the newest is used.
create table tsa_signer (
    key_alias       varchar(128)  primary key,
    certificate_der bytea         not null,
    chain_pem       varchar(16000) not null,
    not_after       timestamp with time zone not null,
    created_at      timestamp with time zone not null
);
