package org.fujie.service.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.crypto.Verifiers;
import org.fujie.pki.operator.KeyBackend;
import org.fujie.pki.operator.SigningKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Signs the head of the audit chain now and then with the audit key (kept in the key backend under
 * {@value #KEY_ALIAS}), and checks those signatures. Signing is idempotent per head: a second
 * instance signing the same head inserts nothing.
 */
public final class AuditCheckpointer {

    public static final String KEY_ALIAS = "audit-signer";

    private final JdbcClient jdbc;
    private final KeyBackend keys;
    private final Clock clock;

    public AuditCheckpointer(JdbcClient jdbc, KeyBackend keys, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${fujie.audit.checkpoint-interval:60s}", initialDelayString = "${fujie.audit.checkpoint-interval:60s}")
    public void scheduled() {
        checkpoint();
    }

    /** Signs the current head unless it is signed already; returns the checkpoint of the head. */
    public synchronized Optional<AuditCheckpoint> checkpoint() {
        record Head(long seq, String hash) {
        }
        Head head = jdbc.sql("select last_seq, last_hash from audit_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        if (head.seq() == 0) {
            return Optional.empty();
        }
        Optional<AuditCheckpoint> existing = jdbc.sql("select * from audit_checkpoint where seq = ?").param(head.seq())
                .query(AuditCheckpointer::row).optional();
        if (existing.isPresent()) {
            return existing;
        }
        SigningKey key = key();
        AuditCheckpoint unsigned = new AuditCheckpoint(head.seq(), head.hash(), AuditChain.storedPrecision(clock.instant()), KEY_ALIAS, new byte[0]);
        AuditCheckpoint signed = new AuditCheckpoint(unsigned.seq(), unsigned.hash(), unsigned.signedAt(), KEY_ALIAS,
                sign(key, unsigned.toBeSigned()));
        jdbc.sql("insert into audit_checkpoint (seq, hash, signed_at, key_alias, signature) "
                        + "select ?, ?, ?, ?, ? where not exists (select 1 from audit_checkpoint where seq = ?)")
                .params(signed.seq(), signed.hash(), OffsetDateTime.ofInstant(signed.signedAt(), ZoneOffset.UTC),
                        signed.keyAlias(), signed.signature(), signed.seq())
                .update();
        return Optional.of(signed);
    }

    public List<AuditCheckpoint> all() {
        return jdbc.sql("select * from audit_checkpoint order by seq").query(AuditCheckpointer::row).list();
    }

    /** Whether the checkpoint's signature verifies under the audit key of this service. */
    public boolean signatureValid(AuditCheckpoint checkpoint) {
        try {
            SigningKey key = key();
            ContentVerifier verifier = Verifiers.of(key.publicKeyInfo())
                    .get(new DefaultSignatureAlgorithmIdentifierFinder().find(key.algorithm().signatureAlgorithm()));
            try (OutputStream out = verifier.getOutputStream()) {
                out.write(checkpoint.toBeSigned());
            }
            return verifier.verify(checkpoint.signature());
        } catch (Exception e) {
            return false;
        }
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
        return new AuditCheckpoint(rs.getLong("seq"), rs.getString("hash"),
                rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("key_alias"), rs.getBytes("signature"));
    }
}
