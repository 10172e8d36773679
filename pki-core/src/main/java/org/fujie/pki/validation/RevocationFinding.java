package org.fujie.pki.validation;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import org.fujie.pki.revocation.RevocationReason;

/**
 * What was learned about the revocation of one certificate of the path: from which source (and URL),
 * the status, when and why it was revoked, and the period the information is valid for.
 *
 * @param revokedAt the revocation time when status is REVOKED (it may lie after the validation time)
 * @param reason the CRLReason, null when none was given
 * @param nextUpdate null when the source gave none (OCSP allows that)
 * @param evidence the DER objects the finding rests on, as fetched: the OCSPResponse, or the CRL (and its delta); what a
 *        B-LT signature embeds. Empty when the finding came from a document or from no source.
 */
public record RevocationFinding(String subject, BigInteger serial, Source source, Status status, Instant revokedAt,
        RevocationReason reason, Instant thisUpdate, Instant nextUpdate, String url, String detail, List<byte[]> evidence) {

    public RevocationFinding {
        evidence = List.copyOf(evidence);
    }

    public RevocationFinding(String subject, BigInteger serial, Source source, Status status, Instant revokedAt,
            RevocationReason reason, Instant thisUpdate, Instant nextUpdate, String url, String detail) {
        this(subject, serial, source, status, revokedAt, reason, thisUpdate, nextUpdate, url, detail, List.of());
    }

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
                newDetail, evidence);
    }

    /** The same finding resting on these DER objects. */
    public RevocationFinding withEvidence(List<byte[]> objects) {
        return new RevocationFinding(subject, serial, source, status, revokedAt, reason, thisUpdate, nextUpdate, url,
                detail, objects);
    }

    static RevocationFinding none(String subject, BigInteger serial, String detail) {
        return new RevocationFinding(subject, serial, Source.NONE, Status.UNKNOWN, null, null, null, null, null, detail);
    }
}
