-- Every stamp: which seal, which keeper, when, what went in and came out (SHA-256), and where the seal was placed.
create table seal_usage (
    id              varchar(36)   primary key,
    seal_id         varchar(36)   not null references seal (id),
    keeper          varchar(1024) not null,
    stamped_at      timestamp with time zone not null,
    input_sha256    char(64)      not null,
    output_sha256   char(64)      not null,
    placement       varchar(256)  not null,
    signature_level varchar(8)    not null
);
create index seal_usage_seal on seal_usage (seal_id, stamped_at);
