package org.fujie.seal.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.bouncycastle.cert.X509CertificateHolder;
import org.flywaydb.core.Flyway;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.ca.support.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** V4 records the certificates of seals approved before it as their first (and current) certificate; on H2 and PostgreSQL. */
class SealCertificateMigrationTests {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void migrateWhenSealsApprovedBeforeV4ThenTheirCertificatesAreTheirHistoryNotBeforeReadFromTheDer(String kind) throws Exception {
        Map<String, Object> postgres = kind.equals("h2") ? null : TestDatabases.freshPostgres();
        try {
            migrate(postgres == null
                    ? new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")
                    : new DriverManagerDataSource((String) postgres.get("spring.datasource.url"), "postgres", ""));
        } finally {
            if (postgres != null) {
                TestDatabases.drop(postgres);
            }
        }
    }

    private static void migrate(DriverManagerDataSource database) throws Exception {
        Flyway.configure().dataSource(database).locations("classpath:db/support", "classpath:db/seal").target("3").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        X509CertificateHolder certificate = TestCertificates.leaf(TestCertificates.root(KeyAlgorithm.EC_P256, "CN=Root"),
                KeyAlgorithm.EC_P256, "CN=公章,O=局").certificate();
        OffsetDateTime approvedAt = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
        for (String[] seal : new String[][] {{"approved", "ACTIVE"}, {"pending", "PENDING"}}) {
            boolean approved = seal[1].equals("ACTIVE");
            jdbc.sql("insert into seal (id, name, organization, seal_type, algorithm, status, made_by, key_alias, serial_number,"
                            + " certificate_der, not_after, created_at, updated_at) values (?, '公章', '局', 'OFFICIAL', 'EC-P256', ?,"
                            + " 'CN=Maker', ?, ?, ?, ?, ?, ?)")
                    .params(seal[0], seal[1], approved ? "seal-" + seal[0] : null,
                            approved ? certificate.getSerialNumber().toString(16) : null, approved ? certificate.getEncoded() : null,
                            approved ? OffsetDateTime.ofInstant(certificate.getNotAfter().toInstant(), ZoneOffset.UTC) : null,
                            approvedAt, approvedAt)
                    .update();
        }

        Flyway.configure().dataSource(database).locations("classpath:db/support", "classpath:db/seal").load().migrate();

        SealStore store = new SealStore(jdbc);
        assertThat(store.certificates("pending")).isEmpty();
        assertThat(store.certificates("approved")).singleElement().satisfies(c -> {
            assertThat(c.serialNumber()).isEqualTo(certificate.getSerialNumber().toString(16));
            assertThat(c.notBefore()).isEqualTo(certificate.getNotBefore().toInstant());
            assertThat(c.notAfter()).isEqualTo(certificate.getNotAfter().toInstant());
            assertThat(c.installedAt()).isEqualTo(approvedAt.toInstant());
            assertThat(c.current()).isTrue();
            assertThat(c.expiryWarnedAt()).isNull();
        });
        assertThat(store.certificateCount("approved")).as("its renewal's key is seal-approved-2").isEqualTo(1);
        assertThat(store.expiringUnwarned(certificate.getNotAfter().toInstant())).extracting(Seal::id).containsExactly("approved");
        assertThat(store.expiringUnwarned(Instant.EPOCH)).isEmpty();
    }
}
