-- GB/T 38540: the seal maker's SM2 credential (seal-service signs every SESeal it makes with it; a new one replaces an
-- expiring one, the old stays for the seals it made) and each SM2 seal's SESeal, one per seal certificate (a renewed
-- seal gets a new SESeal listing its new certificate; documents signed with the old keep theirs).
create table seal_maker (
    key_alias        varchar(128)  primary key,
    certificate_der  bytea         not null,
    chain_pem        text          not null,
    not_after        timestamp with time zone not null,
    installed_at     timestamp with time zone not null
);

create table seal_eseal (
    seal_id          varchar(36)   not null references seal (id),
    serial_number    varchar(64)   not null,
    eseal_der        bytea         not null,
    made_at          timestamp with time zone not null,
    primary key (seal_id, serial_number)
);
