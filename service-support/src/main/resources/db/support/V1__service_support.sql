-- The tables every Fujie service beside ca-service starts with (ca-service created the same ones in its own
-- first migrations, before this module existed). Services put their own migrations from V2 on in their own
-- location: spring.flyway.locations = classpath:db/support, classpath:db/<service>.

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

-- Signed checkpoints of the audit chain: the head (seq, hash) signed with the audit key.
create table audit_checkpoint (
    seq        bigint        primary key,
    hash       char(64)      not null,
    signed_at  timestamp with time zone not null,
    key_alias  varchar(128)  not null,
    signature  bytea         not null
);

-- Named rows that cluster-wide jobs lock (select ... for update) while they run.
create table cluster_lock (
    name varchar(128) primary key
);
