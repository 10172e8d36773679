package org.fujie.pki.cms;

import java.time.Instant;

import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;
import org.fujie.pki.validation.ValidationResult;

/**
 * The verdict on one intact signature from its signing certificate's validation at the best signature time,
 * the same for every format (PAdES, CAdES, XAdES).
 *
 * @param subIndication null exactly when TOTAL_PASSED
 */
public record SignatureVerdict(Indication indication, SubIndication subIndication, String detail) {

    public static SignatureVerdict ofChain(ValidationResult chain, Instant validationTime) {
        if (chain.valid()) {
            return new SignatureVerdict(Indication.TOTAL_PASSED, null, "signature valid; signing certificate " + chain.detail());
        }
        if (chain.subIndication() == SubIndication.REVOKED) {
            // EN 319 102-1 5.2.6 and 5.6.2.4: a signing certificate revoked before the best signature time leaves the
            // signature INDETERMINATE/REVOKED_NO_POE; a signature time-stamp proves existence, not creation, so even
            // one after the revocation does not turn it into TOTAL_FAILED (DSS 6.3 answers the same).
            return new SignatureVerdict(Indication.INDETERMINATE, SubIndication.REVOKED_NO_POE,
                    "the signing certificate was revoked before the best signature time " + validationTime + ": " + chain.detail());
        }
        return new SignatureVerdict(chain.indication(), chain.subIndication(), "signing certificate: " + chain.detail());
    }

    /**
     * The best signature time (EN 319 102-1 5.6.2.4): the earliest time a valid signature or archive time-stamp proves,
     * else now.
     */
    public static Instant bestSignatureTime(VerifiedTimestamp timestamp, java.util.List<VerifiedTimestamp> archives, Instant now) {
        Instant at = timestamp != null && timestamp.valid() ? timestamp.genTime() : now;
        for (VerifiedTimestamp archive : archives) {
            if (archive.valid() && archive.genTime().isBefore(at)) {
                at = archive.genTime();
            }
        }
        return at;
    }

    /** A broken time-stamp fails the signature it claims to protect; otherwise the signing certificate decides. */
    public static SignatureVerdict of(ValidationResult chain, Instant at, VerifiedTimestamp timestamp,
            java.util.List<VerifiedTimestamp> archives) {
        if (timestamp != null && timestamp.broken()) {
            return failed(timestamp.subIndication(), "signature time-stamp: " + timestamp.detail());
        }
        for (VerifiedTimestamp archive : archives) {
            if (archive.broken()) {
                return failed(archive.subIndication(), "archive time-stamp: " + archive.detail());
            }
        }
        return ofChain(chain, at);
    }

    public static SignatureVerdict failed(SubIndication subIndication, String detail) {
        return new SignatureVerdict(subIndication.indication(), subIndication, detail);
    }

    /** The signature with the worst indication (the first of equals): a document's indication is the worst of its signatures'. */
    public static <T> T worst(java.util.List<T> signatures, java.util.function.Function<T, Indication> indication) {
        T worst = signatures.get(0);
        for (T s : signatures) {
            if (severity(indication.apply(s)) > severity(indication.apply(worst))) {
                worst = s;
            }
        }
        return worst;
    }

    /** TOTAL_FAILED over INDETERMINATE over TOTAL_PASSED. */
    private static int severity(Indication indication) {
        return switch (indication) {
            case TOTAL_PASSED -> 0;
            case INDETERMINATE -> 1;
            case TOTAL_FAILED -> 2;
        };
    }
}
