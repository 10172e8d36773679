package org.fujie.service.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A signed statement "the audit chain had this hash at this entry". */
public record AuditCheckpoint(long seq, String hash, Instant signedAt, String keyAlias, byte[] signature) {

    /** The exact bytes that are signed. */
    public byte[] toBeSigned() {
        return ("fujie-audit-checkpoint\n" + seq + "\n" + hash + "\n" + signedAt).getBytes(StandardCharsets.UTF_8);
    }
}
