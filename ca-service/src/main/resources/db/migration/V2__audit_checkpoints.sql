-- Signed checkpoints of the audit chain: the head (seq, hash) signed with the audit key. A database
-- writer can recompute a hash chain, but cannot forge these signatures without the key.
create table audit_checkpoint (
    seq        bigint        primary key,
    hash       char(64)      not null,
    signed_at  timestamp with time zone not null,
    key_alias  varchar(128)  not null,
    signature  bytea         not null
);
