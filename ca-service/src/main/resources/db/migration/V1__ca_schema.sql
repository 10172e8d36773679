-- ca-service schema. Portable between PostgreSQL (production) and H2 in PostgreSQL mode (embedded).

create table ca (
    id              varchar(64)   primary key,
    subject         varchar(1024) not null,
    algorithm       varchar(16)   not null,
    parent_id       varchar(64)   references ca (id),
    key_backend     varchar(32)   not null,
    key_alias       varchar(128)  not null,
    certificate_der bytea         not null,
    not_before      timestamp with time zone not null,
    not_after       timestamp with time zone not null,
    created_at      timestamp with time zone not null
);

create table certificate (
    serial          varchar(40)   primary key,
    ca_id           varchar(64)   not null references ca (id),
    profile         varchar(64)   not null,
    subject         varchar(1024) not null,
    status          varchar(16)   not null,
    not_before      timestamp with time zone not null,
    not_after       timestamp with time zone not null,
    fingerprint     char(64)      not null unique,
    der             bytea         not null,
    requested_by    varchar(1024) not null,
    issued_at       timestamp with time zone not null
);
create index certificate_profile_idx on certificate (profile);
create index certificate_status_expiry_idx on certificate (status, not_after);
create index certificate_ca_idx on certificate (ca_id);
create index certificate_subject_idx on certificate (subject);

-- Who may do what: a client certificate by subject DN or by SHA-256 fingerprint, and its roles.
create table principal (
    id          varchar(36)   primary key,
    subject     varchar(1024) unique,
    fingerprint char(64)      unique,
    roles       varchar(256)  not null,
    created_at  timestamp with time zone not null,
    check (subject is not null or fingerprint is not null)
);

-- The hash-chained audit log: each entry's hash covers its fields and the previous entry's hash.
create table audit_log (
    seq       bigint        primary key,
    at        timestamp with time zone not null,
    actor     varchar(1024) not null,
    action    varchar(64)   not null,
    target    varchar(256)  not null,
    details   varchar(8000) not null,
    prev_hash char(64)      not null,
    hash      char(64)      not null
);
create index audit_log_action_idx on audit_log (action);

-- One row: the head of the chain. Writers lock it, so the chain stays linear across a cluster.
create table audit_head (
    id        integer  primary key,
    last_seq  bigint   not null,
    last_hash char(64) not null
);
insert into audit_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
