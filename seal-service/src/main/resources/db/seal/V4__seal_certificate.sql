-- Every certificate a seal has had, the current one (replaced_at null) included: renewal gives a seal a new key and
-- certificate but leaves the old certificate valid at ca-service, as documents stamped with it must still verify.
-- expiry_warned_at: when seal-service warned that this certificate expires soon (once per certificate, across restarts).
-- not_before is null only for certificates recorded before this table existed (it is read from the DER then).
create table seal_certificate (
    seal_id          varchar(36)   not null references seal (id),
    serial_number    varchar(64)   not null,
    key_alias        varchar(128)  not null,
    certificate_der  bytea         not null,
    not_before       timestamp with time zone,
    not_after        timestamp with time zone not null,
    installed_at     timestamp with time zone not null,
    replaced_at      timestamp with time zone,
    expiry_warned_at timestamp with time zone,
    primary key (seal_id, serial_number)
);

insert into seal_certificate (seal_id, serial_number, key_alias, certificate_der, not_after, installed_at)
    select id, serial_number, key_alias, certificate_der, not_after, updated_at from seal where serial_number is not null;
