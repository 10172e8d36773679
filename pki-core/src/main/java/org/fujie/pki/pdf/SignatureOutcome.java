package org.fujie.pki.pdf;

import java.time.Instant;

import org.fujie.pki.cms.SignerVerification;
import org.fujie.pki.cms.VerifiedTimestamp;
import org.fujie.pki.validation.SubIndication;
import org.fujie.pki.validation.ValidationResult;

/**
 * What the checks of one signature (or document time-stamp) found, before the comparison of revisions and
 * the level are added. Exactly one of failure (integrity) or the later parts is set.
 *
 * @param range null when the byte range was refused
 * @param failure the integrity failure (format, hash, signature), null when integrity holds
 * @param cms null for a document time-stamp or when the CMS was never reached
 * @param timestamp the signature time-stamp, or the document time-stamp itself; null when none
 * @param chain the signing certificate's validation, null when not reached
 * @param validationTime the time the chain was validated at
 */
record SignatureOutcome(SignatureField field, ByteRange range, SubIndication failure, String detail, SignerVerification cms,
        VerifiedTimestamp timestamp, ValidationResult chain, Instant validationTime) {

    static SignatureOutcome refused(SignatureField field, ByteRange range, SubIndication failure, String detail,
            SignerVerification cms) {
        return new SignatureOutcome(field, range, failure, detail, cms, null, null, null);
    }

    boolean intact() {
        return failure == null;
    }
}
