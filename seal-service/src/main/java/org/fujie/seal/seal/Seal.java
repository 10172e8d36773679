package org.fujie.seal.seal;

import java.time.Instant;
import java.util.List;

/**
 * A seal as stored. The certificate fields are null until approval; they hold the seal's current key and
 * certificate, which renewal replaces (its earlier certificates are {@link SealCertificate}s).
 *
 * @param keepers certificate subjects (RFC 4514) or user ids of the SEAL_KEEPERs who may stamp with it
 */
public record Seal(String id, String name, String organization, SealType type, String algorithm, SealStatus status,
        String madeBy, String approvedBy, String keyAlias, String serialNumber, byte[] certificateDer, String chainPem,
        Instant notAfter, List<String> keepers, Instant createdAt, Instant updatedAt) {

    public Seal {
        keepers = List.copyOf(keepers);
    }

    Seal withStatus(SealStatus to, Instant at) {
        return new Seal(id, name, organization, type, algorithm, to, madeBy, approvedBy, keyAlias, serialNumber, certificateDer,
                chainPem, notAfter, keepers, createdAt, at);
    }

    Seal withKeepers(List<String> replacing, Instant at) {
        return new Seal(id, name, organization, type, algorithm, status, madeBy, approvedBy, keyAlias, serialNumber, certificateDer,
                chainPem, notAfter, replacing, createdAt, at);
    }

    Seal withApprover(String approver) {
        return new Seal(id, name, organization, type, algorithm, status, madeBy, approver, keyAlias, serialNumber, certificateDer,
                chainPem, notAfter, keepers, createdAt, updatedAt);
    }

    Seal withCertificate(String alias, String serial, byte[] der, String chain, Instant certificateNotAfter, Instant at) {
        return new Seal(id, name, organization, type, algorithm, status, madeBy, approvedBy, alias, serial, der, chain,
                certificateNotAfter, keepers, createdAt, at);
    }
}
