package org.fujie.pki.xades;

import static org.fujie.pki.xades.XadesNames.DS;
import static org.fujie.pki.xades.XadesNames.XADES;

import java.util.Base64;

import org.fujie.pki.ltv.LongTermData;
import org.w3c.dom.Element;

/**
 * The xades:UnsignedSignatureProperties of a signature, found or made, and the properties B-T, B-LT and B-LTA append
 * to it (ETSI EN 319 132-1 5.3, 5.5): time-stamps, CertificateValues and RevocationValues.
 */
final class UnsignedProperties {

    private UnsignedProperties() {
    }

    /** The signature's UnsignedSignatureProperties, or null when it has none. */
    static Element existing(Element signature) throws XadesFormatException {
        Element qualifying = qualifyingProperties(signature);
        Element unsigned = qualifying == null ? null : Dom.child(qualifying, XADES, "UnsignedProperties");
        return unsigned == null ? null : Dom.child(unsigned, XADES, "UnsignedSignatureProperties");
    }

    /** The signature's xades:QualifyingProperties (in one of its ds:Object), or null. */
    static Element qualifyingProperties(Element signature) throws XadesFormatException {
        Element found = null;
        for (Element object : Dom.children(signature, DS, "Object")) {
            for (Element qualifying : Dom.children(object, XADES, "QualifyingProperties")) {
                if (found != null) {
                    throw new XadesFormatException("more than one QualifyingProperties in the signature");
                }
                found = qualifying;
            }
        }
        return found;
    }

    static Element orCreate(Element signature) throws XadesFormatException {
        Element present = existing(signature);
        if (present != null) {
            return present;
        }
        Element qualifying = qualifyingProperties(signature);
        if (qualifying == null) {
            throw new XadesFormatException("not a XAdES signature: no QualifyingProperties");
        }
        Element unsigned = Dom.child(qualifying, XADES, "UnsignedProperties");
        if (unsigned == null) {
            unsigned = Dom.append(qualifying, XADES, "xades:UnsignedProperties");
        }
        return Dom.append(unsigned, XADES, "xades:UnsignedSignatureProperties");
    }

    /** A time-stamp property ({@code xades:SignatureTimeStamp}, {@code xades141:ArchiveTimeStamp}) holding the token. */
    static Element appendTimeStamp(Element properties, String namespace, String qualifiedName, String id, String c14n, byte[] token) {
        Element timeStamp = Dom.append(properties, namespace, qualifiedName);
        Dom.setId(timeStamp, id);
        Dom.append(timeStamp, DS, "ds:CanonicalizationMethod").setAttributeNS(null, "Algorithm", c14n);
        Dom.appendText(timeStamp, XADES, "xades:EncapsulatedTimeStamp", Base64.getEncoder().encodeToString(token));
        return timeStamp;
    }

    /** CertificateValues and RevocationValues (CRLs, then OCSP responses) with the data collected at signing. */
    static void appendValidationData(Element properties, LongTermData data) {
        Element certificates = Dom.append(properties, XADES, "xades:CertificateValues");
        for (byte[] certificate : data.certificates()) {
            Dom.appendText(certificates, XADES, "xades:EncapsulatedX509Certificate", base64(certificate));
        }
        Element revocation = Dom.append(properties, XADES, "xades:RevocationValues");
        if (!data.crls().isEmpty()) {
            Element crls = Dom.append(revocation, XADES, "xades:CRLValues");
            for (byte[] crl : data.crls()) {
                Dom.appendText(crls, XADES, "xades:EncapsulatedCRLValue", base64(crl));
            }
        }
        if (!data.ocspResponses().isEmpty()) {
            Element ocsps = Dom.append(revocation, XADES, "xades:OCSPValues");
            for (byte[] ocsp : data.ocspResponses()) {
                Dom.appendText(ocsps, XADES, "xades:EncapsulatedOCSPValue", base64(ocsp));
            }
        }
    }

    private static String base64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }
}
