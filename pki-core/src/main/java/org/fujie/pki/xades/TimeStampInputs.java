package org.fujie.pki.xades;

import static org.fujie.pki.xades.XadesNames.DS;
import static org.fujie.pki.xades.XadesNames.XADES;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.SignedInfo;
import org.apache.xml.security.signature.XMLSignatureInput;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What the XAdES time-stamps cover, written to a stream (a digest, in practice), the same for making and for
 * checking them. Every element is canonicalized with the time-stamp's own ds:CanonicalizationMethod.
 */
final class TimeStampInputs {

    private TimeStampInputs() {
    }

    /** xades:SignatureTimeStamp (EN 319 132-1 5.3): the ds:SignatureValue element. */
    static void signatureTimeStamp(Element signature, String c14n, OutputStream out) throws XadesFormatException {
        canonicalize(required(signature, DS, "SignatureValue"), c14n, out);
    }

    /**
     * xadesv141:ArchiveTimeStamp (EN 319 132-1 5.5.2, the ETSI TS 101 903 1.4.1 form DSS also writes): every
     * ds:Reference's data after its transforms, ds:SignedInfo, ds:SignatureValue, ds:KeyInfo, the unsigned signature
     * properties before this time-stamp, and every ds:Object but the one holding the QualifyingProperties.
     *
     * @param signedInfo the signature's SignedInfo, whose references can be dereferenced again
     * @param archiveTimeStamp the time-stamp being checked, or null for one about to be appended
     */
    static void archiveTimeStamp(Element signature, SignedInfo signedInfo, Element archiveTimeStamp, String c14n, OutputStream out)
            throws XadesFormatException {
        try {
            for (int i = 0; i < signedInfo.getLength(); i++) {
                Reference reference = signedInfo.item(i);
                XMLSignatureInput data = reference.getContentsAfterTransformation();
                if (data.isOctetStream()) {
                    out.write(reference.getReferencedBytes());
                } else {
                    // a node-set result is canonicalized (EN 319 132-1 4.5)
                    Canonicalizer.getInstance(c14n).canonicalizeXPathNodeSet(data.getNodeSet(), out);
                }
            }
        } catch (XMLSecurityException | IOException e) {
            throw new XadesFormatException("the signed data cannot be dereferenced for the archive time-stamp: " + e.getMessage());
        }
        canonicalize(required(signature, DS, "SignedInfo"), c14n, out);
        canonicalize(required(signature, DS, "SignatureValue"), c14n, out);
        Element keyInfo = Dom.child(signature, DS, "KeyInfo");
        if (keyInfo != null) {
            canonicalize(keyInfo, c14n, out);
        }
        Element unsigned = UnsignedProperties.existing(signature);
        if (unsigned != null) {
            for (Element property : Dom.elementChildren(unsigned)) {
                if (property == archiveTimeStamp) {
                    break;
                }
                canonicalize(property, c14n, out);
            }
        }
        for (Element object : Dom.children(signature, DS, "Object")) {
            if (Dom.children(object, XADES, "QualifyingProperties").isEmpty()) {
                canonicalize(object, c14n, out);
            }
        }
    }

    static void canonicalize(Node node, String c14n, OutputStream out) throws XadesFormatException {
        try {
            Canonicalizer.getInstance(c14n).canonicalizeSubtree(node, out);
        } catch (XMLSecurityException e) {
            throw new XadesFormatException("cannot canonicalize " + node.getLocalName() + ": " + e.getMessage());
        }
    }

    private static Element required(Element parent, String namespace, String localName) throws XadesFormatException {
        Element element = Dom.child(parent, namespace, localName);
        if (element == null) {
            throw new XadesFormatException("no " + localName + " in " + parent.getLocalName());
        }
        return element;
    }
}
