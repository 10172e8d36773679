package org.fujie.pki.xades;

import java.util.List;

import org.fujie.pki.cms.SignatureVerdict;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;

/**
 * The verdict on an XML document: the worst of its signatures', or INDETERMINATE with a reason when it could not be
 * examined (not well-formed, a DOCTYPE, too large, no signature).
 */
public record XmlReport(Indication indication, SubIndication subIndication, String detail, List<XmlSignatureReport> signatures) {

    public XmlReport {
        signatures = List.copyOf(signatures);
    }

    static XmlReport unreadable(String detail) {
        return new XmlReport(Indication.INDETERMINATE, SubIndication.FORMAT_FAILURE, detail, List.of());
    }

    static XmlReport of(List<XmlSignatureReport> signatures) {
        XmlSignatureReport worst = SignatureVerdict.worst(signatures, XmlSignatureReport::indication);
        String detail = worst.indication() == Indication.TOTAL_PASSED ? signatures.size() + " signature(s) verified"
                : "signature " + worst.id() + ": " + worst.detail();
        return new XmlReport(worst.indication(), worst.subIndication(), detail, signatures);
    }
}
