package org.fujie.service.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.crypto.Verifiers;
import org.fujie.pki.operator.KeyBackend;
import org.fujie.pki.operator.SigningKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs the head of the audit chain now and then with the audit key (kept in the key backend under
 * {@value #KEY_ALIAS}), and checks those signatures. Each checkpoint also signs the seq of the one
 * before it, so the checkpoints form a chain in which a deleted one is missed. Signing is idempotent per
 * head: when the head is signed already nothing is inserted.
 */
public final class AuditCheckpointer {

    public static final String KEY_ALIAS = "audit-signer";
    /** The cluster_lock row instances take in turn, so that each checkpoint names the one committed before it. */
    private static final String LOCK = "audit-checkpoint";

    private final JdbcClient jdbc;
    private final KeyBackend keys;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Instant startedAt;

    public AuditCheckpointer(JdbcClient jdbc, KeyBackend keys, Clock clock, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
        this.transactions = transactions;
        this.startedAt = clock.instant();
    }

    /** Soon after start-up (entries of a previous run that crashed get covered), then at every interval. */
    @Scheduled(fixedDelayString = "${fujie.audit.checkpoint-interval:60s}",
            initialDelayString = "${fujie.audit.checkpoint-initial-delay:10s}")
    public void scheduled() {
        checkpoint();
    }

    /** When this instance started: entries are not expected to be covered before it had time to sign them. */
    public Instant startedAt() {
        return startedAt;
    }

    /** Signs the current head unless it is signed already; returns the checkpoint of the head. */
    public synchronized Optional<AuditCheckpoint> checkpoint() {
        return transactions.execute(status -> signHead());
    }

    private Optional<AuditCheckpoint> signHead() {
        jdbc.sql("select name from cluster_lock where name = ? for update").param(LOCK).query(String.class).optional();
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("select last_seq, last_hash from audit_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        if (head.seq() == 0) {
            return Optional.empty();
        }
        Optional<AuditCheckpoint> latest = jdbc.sql("select * from audit_checkpoint order by seq desc limit 1")
                .query(AuditCheckpointer::row).optional();
        if (latest.isPresent() && latest.get().seq() >= head.seq()) {
            return latest;
        }
        AuditCheckpoint unsigned = new AuditCheckpoint(head.seq(), head.hash(), AuditChain.storedPrecision(clock.instant()),
                KEY_ALIAS, new byte[0], latest.map(AuditCheckpoint::seq).orElse(0L));
        AuditCheckpoint signed = unsigned.signed(sign(key(), unsigned.toBeSigned()));
        jdbc.sql("insert into audit_checkpoint (seq, hash, signed_at, key_alias, signature, previous_seq) values (?, ?, ?, ?, ?, ?)")
                .params(signed.seq(), signed.hash(), OffsetDateTime.ofInstant(signed.signedAt(), ZoneOffset.UTC),
                        signed.keyAlias(), signed.signature(), signed.previousSeq())
                .update();
        return Optional.of(signed);
    }

    /** The checkpoints in seq order, the first at most {@code limit} after {@code afterSeq}. */
    public List<AuditCheckpoint> after(long afterSeq, int limit) {
        return jdbc.sql("select * from audit_checkpoint where seq > ? order by seq limit ?").params(afterSeq, limit)
                .query(AuditCheckpointer::row).list();
    }

    public List<AuditCheckpoint> all() {
        return jdbc.sql("select * from audit_checkpoint order by seq").query(AuditCheckpointer::row).list();
    }

    /** Whether the checkpoint's signature verifies under the audit key of this service. */
    public boolean signatureValid(AuditCheckpoint checkpoint) {
        return signatureCheck().test(checkpoint);
    }

    /** A check of checkpoint signatures that reads the audit key once, for verifying many. */
    public Predicate<AuditCheckpoint> signatureCheck() {
        SigningKey key = key();
        AlgorithmIdentifier algorithm = new DefaultSignatureAlgorithmIdentifierFinder().find(key.algorithm().signatureAlgorithm());
        ContentVerifierProvider provider;
        try {
            provider = Verifiers.of(key.publicKeyInfo());
        } catch (Exception e) {
            throw new IllegalStateException("the audit key cannot verify signatures", e);
        }
        return checkpoint -> {
            try {
                ContentVerifier verifier = provider.get(algorithm);
                try (OutputStream out = verifier.getOutputStream()) {
                    out.write(checkpoint.toBeSigned());
                }
                return verifier.verify(checkpoint.signature());
            } catch (Exception e) {
                return false;
            }
        };
    }

    private SigningKey key() {
        return keys.contains(KEY_ALIAS) ? keys.get(KEY_ALIAS) : keys.generate(KEY_ALIAS, KeyAlgorithm.EC_P256);
    }

    private static byte[] sign(SigningKey key, byte[] data) {
        ContentSigner signer = key.newContentSigner();
        try (OutputStream out = signer.getOutputStream()) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return signer.getSignature();
    }

    private static AuditCheckpoint row(ResultSet rs, int n) throws SQLException {
        Long previous = rs.getObject("previous_seq", Long.class);
        return new AuditCheckpoint(rs.getLong("seq"), rs.getString("hash"),
                rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("key_alias"), rs.getBytes("signature"),
                previous);
    }
}
