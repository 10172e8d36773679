package org.fujie.pki.validation;

import java.math.BigInteger;
import java.time.Instant;

import org.fujie.pki.revocation.RevocationReason;

/**
 * What was learned about the revocation of one certificate of the path: from which source (and URL),
 * the status, when and why it was revoked, and the period the information is valid for.
 *
 * @param revokedAt the revocation time when status is REVOKED (it may lie after the validation time)
 * @param reason the CRLReason, null when none was given
 * @param nextUpdate null when the source gave none (OCSP allows that)
 */
public record RevocationFinding(String subject, BigInteger serial, Source source, Status status, Instant revokedAt,
        RevocationReason reason, Instant thisUpdate, Instant nextUpdate, String url, String detail) {

    public enum Source {
        OCSP,
        CRL,
        /** No source answered, or none was asked (id-pkix-ocsp-nocheck). */
        NONE
    }

    public enum Status {
        GOOD,
        REVOKED,
        /** Not known: the responder said so, no source answered, or the certificate is not checked. */
        UNKNOWN
    }

    /** The same finding with another human detail. */
    public RevocationFinding withDetail(String newDetail) {
        return new RevocationFinding(subject, serial, source, status, revokedAt, reason, thisUpdate, nextUpdate, url,
                newDetail);
    }

    static RevocationFinding none(String subject, BigInteger serial, String detail) {
        return new RevocationFinding(subject, serial, Source.NONE, Status.UNKNOWN, null, null, null, null, null, detail);
    }
}
