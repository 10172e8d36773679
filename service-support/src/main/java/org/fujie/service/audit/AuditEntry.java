package org.fujie.service.audit;

import java.time.Instant;

/** One stored entry of the audit chain. */
public record AuditEntry(long seq, Instant at, String actor, String action, String target, String details,
        String prevHash, String hash) {

    /** The hash this entry should carry, given the hash of the entry before it. */
    public String expectedHash(String previousHash) {
        return AuditChain.hash(previousHash, seq, at, actor, action, target, details);
    }
}
