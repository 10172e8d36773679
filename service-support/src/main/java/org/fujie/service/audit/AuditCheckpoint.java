package org.fujie.service.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A signed statement "the audit chain had this hash at this entry, and the checkpoint before this one
 * was at entry {@code previousSeq}" (0: there was none). Naming the predecessor chains the checkpoints,
 * so deleting one is seen at the next. {@code previousSeq} is null only in checkpoints signed before
 * checkpoints were chained; their signature covers seq, hash and time alone.
 */
public record AuditCheckpoint(long seq, String hash, Instant signedAt, String keyAlias, byte[] signature, Long previousSeq) {

    /** Whether this checkpoint predates the chaining of checkpoints. */
    public boolean legacy() {
        return previousSeq == null;
    }

    /** The exact bytes that are signed. */
    public byte[] toBeSigned() {
        String statement = legacy()
                ? "fujie-audit-checkpoint\n" + seq + "\n" + hash + "\n" + signedAt
                : "fujie-audit-checkpoint-v2\n" + seq + "\n" + hash + "\n" + signedAt + "\n" + previousSeq;
        return statement.getBytes(StandardCharsets.UTF_8);
    }

    AuditCheckpoint signed(byte[] signature) {
        return new AuditCheckpoint(seq, hash, signedAt, keyAlias, signature, previousSeq);
    }
}
