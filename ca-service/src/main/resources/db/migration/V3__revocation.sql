-- Revocation (issue 3): a certificate's revocation state, CRLs, the counter that orders status changes,
-- and the rows that serialise cluster-wide jobs.

-- status: VALID, REVOKED or ON_HOLD. revocation_reason is the RFC 5280 CRLReason code.
alter table certificate add column revoked_at timestamp with time zone;
alter table certificate add column revocation_reason smallint;
alter table certificate add column invalidity_date timestamp with time zone;
-- The value of revocation_counter at the certificate's last status change (null: never changed). A delta
-- CRL lists the certificates whose status_change is above its base CRL's change_mark.
alter table certificate add column status_change bigint;
alter table certificate add column status_changed_at timestamp with time zone;
create index certificate_revoked_idx on certificate (ca_id, revoked_at);
create index certificate_status_change_idx on certificate (status_change);

-- One row. Every status change increments it in its own transaction, under the row lock, so the values
-- commit in order: a reader that sees value N sees every change up to N.
create table revocation_counter (
    id    integer primary key,
    counter bigint not null
);
insert into revocation_counter (id, counter) values (1, 0);

-- Published CRLs. One number sequence per CA for complete and delta CRLs (RFC 5280 5.2.4).
create table crl (
    ca_id       varchar(64) not null references ca (id),
    crl_number  bigint      not null,
    base_number bigint,
    change_mark bigint      not null,
    this_update timestamp with time zone not null,
    next_update timestamp with time zone not null,
    entries     integer     not null,
    der         bytea       not null,
    primary key (ca_id, crl_number)
);

-- Named rows that cluster-wide jobs lock (select ... for update) while they run.
create table cluster_lock (
    name varchar(128) primary key
);

-- The delegated OCSP responders (RFC 6960 4.2.2.2) ca-service issued itself: per CA the newest is used.
create table ocsp_responder (
    ca_id      varchar(64)  not null references ca (id),
    serial     varchar(40)  not null references certificate (serial),
    key_alias  varchar(128) not null,
    not_before timestamp with time zone not null,
    not_after  timestamp with time zone not null,
    created_at timestamp with time zone not null,
    primary key (ca_id, serial)
);
