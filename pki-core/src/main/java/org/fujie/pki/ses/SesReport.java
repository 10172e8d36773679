package org.fujie.pki.ses;

import java.time.Instant;
import java.util.List;

import org.fujie.pki.cms.VerifiedTimestamp;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;

/**
 * The verdict on an SES_Signature over a document, or on a seal alone, in EN 319 102-1 terms: the first failed check's
 * indication, else TOTAL_PASSED. Unreadable input is INDETERMINATE/FORMAT_FAILURE with the reason.
 *
 * @param checks the checks run, in order; the last is the one that failed, if any
 * @param seal the seal's fields; null when the input could not be read
 * @param signer the signer certificate's subject; null for a seal alone or when unreadable
 * @param signingTime TBS_Sign's timeInfo, as claimed; null for a seal alone
 * @param validationTime when the certificates and the seal's dates were judged: a verified time-stamp's genTime, else
 *        the claimed signing time; for a seal alone, the time asked
 * @param timestamp the verified time-stamp over the signature value; null when there is none
 */
public record SesReport(Indication indication, SubIndication subIndication, String detail, List<SesCheckResult> checks,
        SealFields seal, String signer, Instant signingTime, Instant validationTime, String propertyInfo,
        VerifiedTimestamp timestamp) {

    public SesReport {
        checks = List.copyOf(checks);
    }

    public boolean valid() {
        return indication == Indication.TOTAL_PASSED;
    }

    /** The check that failed; null when all passed. */
    public SesCheck failedCheck() {
        return checks.stream().filter(c -> !c.passed()).map(SesCheckResult::check).findFirst().orElse(null);
    }

    /** Whether the signature carries a time-stamp that verified. */
    public boolean timestampVerified() {
        return timestamp != null && timestamp.valid();
    }
}
