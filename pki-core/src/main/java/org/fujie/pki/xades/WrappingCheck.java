package org.fujie.pki.xades;

import static org.fujie.pki.xades.XadesNames.DS;

import java.util.ArrayList;
import java.util.List;

import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Signature wrapping (XSW) across a document: an element signed by ID while another element of the same name stands
 * unsigned elsewhere in the document is how a wrapped document looks (the signed original moved or re-parented, a
 * forgery in its place). An application that reads "the" element cannot tell which one the signature covers, so Fujie
 * fails such a signature rather than report it valid. Elements inside a signed element (but not inside a ds:Signature
 * there, which the enveloped transforms leave unsigned), and elements signed by another intact signature, are not
 * counted. An unsigned same-named ancestor is a twin: a forgery that wraps the signed original is read first.
 */
final class WrappingCheck {

    private WrappingCheck() {
    }

    static List<XmlSignatureReport> apply(Document document, List<XmlSignatureCheck.Checked> checked) {
        List<Element> signed = new ArrayList<>();
        for (XmlSignatureCheck.Checked c : checked) {
            if (vouches(c.report())) {
                signed.addAll(c.dataElements());
            }
        }
        List<XmlSignatureReport> reports = new ArrayList<>();
        for (XmlSignatureCheck.Checked c : checked) {
            String twin = c.report().integrity() ? twin(document, c.dataElements(), signed) : null;
            reports.add(twin == null ? c.report() : failed(c.report(), twin));
        }
        return reports;
    }

    /**
     * Whether a signature's cover counts for the twin rule: it is intact and its signer chains to a trust anchor. Anyone
     * can sign a forgery with a key of their own; a signature that is only waiting for revocation data still counts.
     */
    private static boolean vouches(XmlSignatureReport report) {
        return report.integrity() && report.subIndication() != SubIndication.NO_CERTIFICATE_CHAIN_FOUND;
    }

    /** A description of the first unsigned same-named element beside a signed one, or null. */
    private static String twin(Document document, List<Element> elements, List<Element> signed) {
        for (Element element : elements) {
            NodeList same = document.getElementsByTagNameNS(element.getNamespaceURI(),
                    element.getLocalName());
            for (int i = 0; i < same.getLength(); i++) {
                Element other = (Element) same.item(i);
                // no exemption for an ancestor: a forgery wrapping the signed original (XSW) is what an application reads
                if (other != element && !covered(other, signed)) {
                    return "possible signature wrapping: the signed " + ReferencePolicy.path(element) + " has an unsigned twin at "
                            + ReferencePolicy.path(other);
                }
            }
        }
        return null;
    }

    private static boolean covered(Element element, List<Element> signed) {
        for (Element s : signed) {
            if (ReferencePolicy.contains(s, element) && !inSignatureWithin(element, s)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a ds:Signature between the element and the signed one holds it: a forgery hidden there is not signed. */
    private static boolean inSignatureWithin(Element element, Element signed) {
        for (Node n = element; n != null && n != signed; n = n.getParentNode()) {
            if (DS.equals(n.getNamespaceURI()) && "Signature".equals(n.getLocalName())) {
                return true;
            }
        }
        return false;
    }

    private static XmlSignatureReport failed(XmlSignatureReport r, String detail) {
        return new XmlSignatureReport(r.id(), r.format(), r.signer(), r.signingTime(), r.claimedSigningTime(), r.timestamp(),
                r.archiveTimestamps(), Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, r.integrity(), r.chain(),
                r.revocation(), r.level(), r.coversWholeDocument(), r.signedScopes(), r.claimedRole(), r.counterSignatureOf(),
                detail);
    }
}
