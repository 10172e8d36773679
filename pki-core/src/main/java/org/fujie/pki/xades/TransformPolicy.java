package org.fujie.pki.xades;

import static org.fujie.pki.xades.XadesNames.DS;

import java.util.List;
import java.util.Set;

import org.fujie.pki.validation.SubIndication;
import org.w3c.dom.Element;

/**
 * The transforms a reference may use: canonicalizations, base64, the enveloped-signature transform, and XPath only in
 * the forms that remove signatures (XPath Filter 2.0 "subtract /descendant::ds:Signature" and the XPath 1.0
 * "not(ancestor-or-self::ds:Signature)"), which DSS and other XAdES signers write. XSLT and any other XPath are refused:
 * they run code chosen by whoever sent the document.
 */
final class TransformPolicy {

    static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    static final String XPATH = "http://www.w3.org/TR/1999/REC-xpath-19991116";
    static final String XSLT = "http://www.w3.org/TR/1999/REC-xslt-19991116";
    static final Set<String> CANONICALIZATIONS = Set.of(
            "http://www.w3.org/TR/2001/REC-xml-c14n-20010315",
            "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments",
            "http://www.w3.org/2006/12/xml-c14n11",
            "http://www.w3.org/2006/12/xml-c14n11#WithComments",
            XadesNames.EXC_C14N,
            "http://www.w3.org/2001/10/xml-exc-c14n#WithComments");
    private static final Set<String> SUBTRACTED_SIGNATURES = Set.of("/descendant::ds:Signature", "//ds:Signature");
    private static final String NOT_IN_SIGNATURE = "not(ancestor-or-self::ds:Signature)";

    private TransformPolicy() {
    }

    /** @return whether the transforms remove the signature from what they digest (an enveloped reference) */
    static boolean check(Element reference, int maxTransforms) throws ReferenceRefused, XadesFormatException {
        Element transforms = Dom.child(reference, DS, "Transforms");
        if (transforms == null) {
            return false;
        }
        List<Element> all = Dom.children(transforms, DS, "Transform");
        if (all.size() > maxTransforms) {
            throw ReferenceRefused.overLimit("a reference has " + all.size() + " transforms, more than " + maxTransforms);
        }
        if (all.size() != Dom.elementChildren(transforms).size()) {
            throw refused("ds:Transforms holds something other than ds:Transform");
        }
        boolean enveloped = false;
        for (Element transform : all) {
            String algorithm = transform.getAttributeNS(null, "Algorithm");
            if (CANONICALIZATIONS.contains(algorithm) || algorithm.equals(XadesNames.BASE64)) {
                continue;
            }
            if (algorithm.equals(ENVELOPED)) {
                enveloped = true;
            } else if (algorithm.equals(XadesNames.XPATH2_FILTER)) {
                checkFilter2(transform);
                enveloped = true;
            } else if (algorithm.equals(XPATH)) {
                checkXPath(transform);
                enveloped = true;
            } else if (algorithm.equals(XSLT)) {
                throw refused("XSLT transforms are refused");
            } else {
                throw refused("the transform " + algorithm + " is not accepted");
            }
        }
        return enveloped;
    }

    private static void checkFilter2(Element transform) throws ReferenceRefused {
        List<Element> filters = Dom.elementChildren(transform);
        if (filters.isEmpty()) {
            throw refused("an XPath Filter 2.0 transform without a filter");
        }
        for (Element filter : filters) {
            if (!XadesNames.XPATH2_FILTER.equals(filter.getNamespaceURI()) || !"XPath".equals(filter.getLocalName())
                    || !"subtract".equals(filter.getAttributeNS(null, "Filter"))
                    || !SUBTRACTED_SIGNATURES.contains(filter.getTextContent().strip()) || !bindsDs(filter)) {
                throw refused("XPath Filter 2.0 is accepted only to subtract the signatures (/descendant::ds:Signature)");
            }
        }
    }

    private static void checkXPath(Element transform) throws ReferenceRefused {
        List<Element> expressions = Dom.elementChildren(transform);
        if (expressions.size() != 1 || !DS.equals(expressions.get(0).getNamespaceURI())
                || !"XPath".equals(expressions.get(0).getLocalName())
                || !NOT_IN_SIGNATURE.equals(expressions.get(0).getTextContent().strip()) || !bindsDs(expressions.get(0))) {
            throw refused("XPath transforms are accepted only in the enveloped form not(ancestor-or-self::ds:Signature)");
        }
    }

    private static boolean bindsDs(Element expression) {
        return DS.equals(expression.lookupNamespaceURI("ds"));
    }

    private static ReferenceRefused refused(String message) {
        return new ReferenceRefused(SubIndication.FORMAT_FAILURE, message);
    }
}
