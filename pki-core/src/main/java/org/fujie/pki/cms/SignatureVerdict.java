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
