package org.fujie.seal.seal;

import java.time.Instant;

/**
 * One certificate a seal has had. Renewal replaces a seal's certificate but never revokes the old one, so
 * documents stamped with it stay valid.
 *
 * @param replacedAt when renewal replaced it; null for the seal's current certificate
 * @param expiryWarnedAt when seal-service warned that it expires soon; null when it has not
 */
public record SealCertificate(String serialNumber, byte[] certificateDer, Instant notBefore, Instant notAfter, Instant installedAt,
        Instant replacedAt, Instant expiryWarnedAt) {

    public boolean current() {
        return replacedAt == null;
    }
}
