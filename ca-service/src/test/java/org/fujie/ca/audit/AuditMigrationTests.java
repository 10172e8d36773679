package org.fujie.ca.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.bouncycastle.operator.ContentSigner;
import org.flywaydb.core.Flyway;
import org.fujie.ca.support.TestDatabases;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.operator.SoftwareKeyBackend;
import org.fujie.service.audit.AuditChain;
import org.fujie.service.audit.AuditCheckpoint;
import org.fujie.service.audit.AuditCheckpointer;
import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditProblem;
import org.fujie.service.audit.AuditReader;
import org.fujie.service.audit.AuditVerification;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.store.Timestamps;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Entries and checkpoints written before V4 (no roles, outcome, address; checkpoints without a previous
 * seq) still verify after it, new ones chain onto them, and the old ones stay tamper-evident; on H2 and
 * PostgreSQL.
 */
class AuditMigrationTests {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void verifyWhenEntriesAndCheckpointFromBeforeV4ThenIntactAndStillTamperEvident(String kind) throws Exception {
        Map<String, Object> postgres = kind.equals("h2") ? null : TestDatabases.freshPostgres();
        try {
            check(postgres == null
                    ? new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "sa", "")
                    : new DriverManagerDataSource((String) postgres.get("spring.datasource.url"), "postgres", ""));
        } finally {
            if (postgres != null) {
                TestDatabases.drop(postgres);
            }
        }
    }

    private static void check(DriverManagerDataSource database) throws Exception {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target("3").load().migrate();
        JdbcClient jdbc = JdbcClient.create(database);
        SoftwareKeyBackend keys = new SoftwareKeyBackend(Files.createTempDirectory(Path.of("target"), "audit-keys"),
                "a passphrase for tests".toCharArray());
        SigningKey auditKey = keys.generate(AuditCheckpointer.KEY_ALIAS, KeyAlgorithm.EC_P256);
        String head = writeV1Entries(jdbc, 3);
        writeV1Checkpoint(jdbc, auditKey, 3, head);

        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();

        Clock clock = Clock.systemUTC();
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(database));
        AuditCheckpointer checkpointer = new AuditCheckpointer(jdbc, keys, clock, transactions);
        AuditReader reader = new AuditReader(jdbc, checkpointer, clock, Duration.ofMinutes(1), Duration.ofMinutes(1));
        try (AuditedTransactions audited = new AuditedTransactions(jdbc, new JdbcTemplate(database), transactions, clock)) {
            audited.record(AuditEvent.of("CN=After Migration", "test.after", "thing:1", Map.of("n", "1")));
            audited.record(AuditEvent.of("CN=After Migration", "test.denied", "thing:2", Map.of()).denied());
        }
        AuditCheckpoint signed = checkpointer.checkpoint().orElseThrow();

        AuditVerification intact = reader.verify();
        assertThat(intact.valid()).as(intact.toString()).isTrue();
        assertThat(intact.entriesChecked()).isEqualTo(5);
        assertThat(intact.checkpointsVerified()).isEqualTo(2);
        assertThat(signed.previousSeq()).isEqualTo(3);
        assertThat(jdbc.sql("select roles || '/' || outcome from audit_log where seq = 5").query(String.class).single())
                .isEqualTo("system/DENIED");

        jdbc.sql("update audit_log set outcome = 'SUCCESS', roles = 'system' where seq = 2").update();
        assertThat(reader.verify()).extracting(AuditVerification::problem, AuditVerification::firstBrokenSeq)
                .containsExactly(AuditProblem.ENTRY_ALTERED, 2L);
        jdbc.sql("update audit_log set outcome = null, roles = null, target = 'thing:forged' where seq = 2").update();
        assertThat(reader.verify()).extracting(AuditVerification::problem, AuditVerification::firstBrokenSeq)
                .containsExactly(AuditProblem.ENTRY_ALTERED, 2L);
    }

    /** Entries as the code before V4 wrote them: the v1 hash, no roles, outcome or address columns. */
    private static String writeV1Entries(JdbcClient jdbc, int count) {
        String previous = AuditChain.GENESIS;
        for (int seq = 1; seq <= count; seq++) {
            Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            String details = "{\"n\":\"" + seq + "\"}";
            String hash = AuditChain.hash(previous, seq, at, "system:bootstrap", "test.before", "thing:" + seq, details);
            jdbc.sql("insert into audit_log (seq, at, actor, action, target, details, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(seq, Timestamps.utc(at), "system:bootstrap", "test.before", "thing:" + seq, details, previous, hash).update();
            previous = hash;
        }
        jdbc.sql("update audit_head set last_seq = ?, last_hash = ? where id = 1").params(count, previous).update();
        return previous;
    }

    /** A checkpoint as the code before V4 signed it: seq, hash and time, no previous seq. */
    private static void writeV1Checkpoint(JdbcClient jdbc, SigningKey key, long seq, String hash) throws Exception {
        AuditCheckpoint legacy = new AuditCheckpoint(seq, hash, Instant.now().truncatedTo(ChronoUnit.MICROS),
                AuditCheckpointer.KEY_ALIAS, new byte[0], null);
        ContentSigner signer = key.newContentSigner();
        try (OutputStream out = signer.getOutputStream()) {
            out.write(legacy.toBeSigned());
        }
        jdbc.sql("insert into audit_checkpoint (seq, hash, signed_at, key_alias, signature) values (?, ?, ?, ?, ?)")
                .params(seq, hash, Timestamps.utc(legacy.signedAt()), legacy.keyAlias(), signer.getSignature()).update();
    }
}
