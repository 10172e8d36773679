package org.fujie.pki.pdf;

import java.util.List;

import org.fujie.pki.cms.SignatureVerdict;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;

/**
 * The verdict on a PDF: the worst of its signatures' indications, or INDETERMINATE with a reason when
 * the document could not be examined (not a PDF, corrupted, encrypted, too large, a zip bomb).
 *
 * @param subIndication the document-level reason when there are no signature verdicts to judge by, else the
 *        worst signature's sub-indication; null exactly when TOTAL_PASSED
 */
public record PdfReport(Indication indication, SubIndication subIndication, String detail,
        List<PdfSignatureReport> signatures) {

    public PdfReport {
        signatures = List.copyOf(signatures);
    }

    static PdfReport unreadable(String detail) {
        return new PdfReport(Indication.INDETERMINATE, SubIndication.FORMAT_FAILURE, detail, List.of());
    }

    /** The worst signature decides: TOTAL_FAILED over INDETERMINATE over TOTAL_PASSED. */
    static PdfReport of(List<PdfSignatureReport> signatures) {
        if (signatures.isEmpty()) {
            return unreadable("the document holds no signature and no document time-stamp");
        }
        PdfSignatureReport worst = SignatureVerdict.worst(signatures, PdfSignatureReport::indication);
        String detail = worst.indication() == Indication.TOTAL_PASSED
                ? signatures.size() + " signature(s) and time-stamp(s) verified"
                : "signature " + worst.id() + ": " + worst.detail();
        return new PdfReport(worst.indication(), worst.subIndication(), detail, signatures);
    }
}
