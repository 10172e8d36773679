-- seal-service: seals, who keeps them, and what was stamped with them.

-- A seal: its identity, lifecycle status, and (once approved) its key in seal-service's key backend and its
-- certificate from ca-service (profile seal).
create table seal (
    id              varchar(36)   primary key,
    name            varchar(128)  not null,
    organization    varchar(256)  not null,
    seal_type       varchar(32)   not null,
    algorithm       varchar(16)   not null,
    status          varchar(16)   not null,
    made_by         varchar(1024) not null,
    approved_by     varchar(1024),
    key_alias       varchar(128),
    serial_number   varchar(64),
    certificate_der bytea,
    chain_pem       varchar(16000),
    not_after       timestamp with time zone,
    image_png       bytea,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);
create index seal_status on seal (status);

-- The SEAL_KEEPERs granted a seal: a certificate subject (RFC 4514) or a user id.
create table seal_keeper (
    seal_id         varchar(36)   not null references seal (id),
    keeper          varchar(1024) not null,
    primary key (seal_id, keeper)
);
