package org.fujie.pki.cms;

import java.util.List;

import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;

/**
 * The verdict on a CMS signature file: the worst of its signers' indications, or INDETERMINATE with a
 * reason when the file could not be examined (not a SignedData, too large, no signer, content missing).
 *
 * @param subIndication the document-level reason when there are no signer verdicts, else the worst signer's
 *        sub-indication; null exactly when TOTAL_PASSED
 */
public record CmsReport(Indication indication, SubIndication subIndication, String detail,
        List<CmsSignatureReport> signatures) {

    public CmsReport {
        signatures = List.copyOf(signatures);
    }

    static CmsReport unreadable(String detail) {
        return new CmsReport(Indication.INDETERMINATE, SubIndication.FORMAT_FAILURE, detail, List.of());
    }

    static CmsReport of(List<CmsSignatureReport> signatures) {
        CmsSignatureReport worst = SignatureVerdict.worst(signatures, CmsSignatureReport::indication);
        String detail = worst.indication() == Indication.TOTAL_PASSED ? signatures.size() + " signature(s) verified"
                : "signature " + worst.id() + ": " + worst.detail();
        return new CmsReport(worst.indication(), worst.subIndication(), detail, signatures);
    }
}
