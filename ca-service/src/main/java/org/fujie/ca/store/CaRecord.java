package org.fujie.ca.store;

import java.time.Instant;

/** A CA as stored: its certificate and where its key lives. */
public record CaRecord(String id, String subject, String algorithm, String parentId, String keyBackend,
        String keyAlias, byte[] certificateDer, Instant notBefore, Instant notAfter, Instant createdAt) {
}
