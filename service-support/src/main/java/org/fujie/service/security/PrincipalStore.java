package org.fujie.service.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads and writes principals (role grants); nothing else. */
public final class PrincipalStore {

    private final JdbcClient jdbc;

    public PrincipalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PrincipalRecord> all() {
        return jdbc.sql("select * from principal order by created_at, id").query(PrincipalStore::row).list();
    }

    /** The grants that apply to a certificate: by its fingerprint or by its subject. */
    public List<PrincipalRecord> matching(String subject, String fingerprint) {
        return jdbc.sql("select * from principal where fingerprint = ? or subject = ?")
                .params(fingerprint, subject).query(PrincipalStore::row).list();
    }

    public static Optional<PrincipalRecord> findExisting(JdbcClient tx, String subject, String fingerprint) {
        return subject != null
                ? tx.sql("select * from principal where subject = ?").param(subject).query(PrincipalStore::row).optional()
                : tx.sql("select * from principal where fingerprint = ?").param(fingerprint).query(PrincipalStore::row).optional();
    }

    public static void insert(JdbcClient tx, PrincipalRecord p) {
        tx.sql("insert into principal (id, subject, fingerprint, roles, created_at) values (?, ?, ?, ?, ?)")
                .params(p.id(), p.subject(), p.fingerprint(), encode(p.roles()), OffsetDateTime.ofInstant(p.createdAt(), ZoneOffset.UTC))
                .update();
    }

    public static void updateRoles(JdbcClient tx, String id, Set<Role> roles) {
        tx.sql("update principal set roles = ? where id = ?").params(encode(roles), id).update();
    }

    public static int delete(JdbcClient tx, String id) {
        return tx.sql("delete from principal where id = ?").param(id).update();
    }

    private static String encode(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    private static PrincipalRecord row(ResultSet rs, int n) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String encoded = rs.getString("roles");
        if (!encoded.isEmpty()) {
            Arrays.stream(encoded.split(",")).map(Role::valueOf).forEach(roles::add);
        }
        return new PrincipalRecord(rs.getString("id"), rs.getString("subject"), rs.getString("fingerprint"), roles,
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
