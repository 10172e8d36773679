package org.fujie.seal.seal;

import java.time.Instant;
import java.util.List;

/**
 * A seal as stored. The certificate fields are null until approval.
 *
 * @param keepers certificate subjects (RFC 4514) or user ids of the SEAL_KEEPERs who may stamp with it
 */
public record Seal(String id, String name, String organization, SealType type, String algorithm, SealStatus status,
        String madeBy, String approvedBy, String keyAlias, String serialNumber, byte[] certificateDer, String chainPem,
        Instant notAfter, List<String> keepers, Instant createdAt, Instant updatedAt) {

    public Seal {
        keepers = List.copyOf(keepers);
    }
}
