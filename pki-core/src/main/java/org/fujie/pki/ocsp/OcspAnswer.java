package org.fujie.pki.ocsp;

import java.time.Instant;

import org.bouncycastle.cert.ocsp.CertificateID;
import org.fujie.pki.revocation.RevocationReason;

/**
 * The status of one certificate (RFC 6960 4.2.1 SingleResponse): good, revoked (time, reason and,
 * when known, invalidity date) or unknown, valid from thisUpdate to nextUpdate.
 */
public record OcspAnswer(CertificateID id, Status status, Instant revokedAt, RevocationReason reason,
        Instant invalidityDate, Instant thisUpdate, Instant nextUpdate) {

    public enum Status { GOOD, REVOKED, UNKNOWN }

    public static OcspAnswer good(CertificateID id, Instant thisUpdate, Instant nextUpdate) {
        return new OcspAnswer(id, Status.GOOD, null, null, null, thisUpdate, nextUpdate);
    }

    public static OcspAnswer unknown(CertificateID id, Instant thisUpdate, Instant nextUpdate) {
        return new OcspAnswer(id, Status.UNKNOWN, null, null, null, thisUpdate, nextUpdate);
    }

    public static OcspAnswer revoked(CertificateID id, Instant revokedAt, RevocationReason reason, Instant invalidityDate,
            Instant thisUpdate, Instant nextUpdate) {
        return new OcspAnswer(id, Status.REVOKED, revokedAt, reason, invalidityDate, thisUpdate, nextUpdate);
    }
}
