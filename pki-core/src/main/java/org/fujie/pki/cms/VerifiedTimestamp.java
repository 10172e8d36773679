package org.fujie.pki.cms;

import java.time.Instant;
import java.util.List;

import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;

/**
 * A verified (or refused) RFC 3161 time-stamp: a signature time-stamp inside a CMS signature, a PDF document
 * time-stamp, or a CAdES archive time-stamp.
 *
 * @param genTime the time the TSA asserted; null when the token could not be read
 * @param tsa the subject of the TSA certificate (RFC 4514), null when unknown
 * @param subIndication null exactly when the indication is TOTAL_PASSED
 * @param chain the TSA certificate's path subjects, leaf first
 */
public record VerifiedTimestamp(Instant genTime, String tsa, Indication indication, SubIndication subIndication,
        List<String> chain, String detail) {

    public VerifiedTimestamp {
        chain = List.copyOf(chain);
    }

    public boolean valid() {
        return indication == Indication.TOTAL_PASSED;
    }

    public static VerifiedTimestamp failed(Instant genTime, String tsa, SubIndication sub, String detail) {
        return new VerifiedTimestamp(genTime, tsa, sub.indication(), sub, List.of(), detail);
    }

    /** Whether the token itself is broken (as opposed to its TSA certificate not validating). */
    public boolean broken() {
        return subIndication == SubIndication.HASH_FAILURE || subIndication == SubIndication.SIG_CRYPTO_FAILURE
                || subIndication == SubIndication.FORMAT_FAILURE;
    }
}
