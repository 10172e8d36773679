package org.fujie.pki.xades;

import static org.fujie.pki.xades.XadesNames.DS;

import java.util.Set;

import org.fujie.pki.validation.SubIndication;
import org.w3c.dom.Element;

/**
 * The signature methods a verified signature may use: RSA (PKCS#1 v1.5 and PSS), ECDSA and Ed25519 with SHA-256 or
 * stronger. SHA-1 methods are known but no longer acceptable (INDETERMINATE, as EN 319 102-1 has it for a cryptographic
 * constraint); HMAC is refused outright, since a "signature" keyed with a public key proves nothing; anything else is
 * not understood.
 */
final class SignatureMethodPolicy {

    private static final String MORE = "http://www.w3.org/2001/04/xmldsig-more#";
    private static final String MORE11 = "http://www.w3.org/2007/05/xmldsig-more#";
    private static final Set<String> ACCEPTED = Set.of(
            MORE + "rsa-sha256", MORE + "rsa-sha384", MORE + "rsa-sha512",
            MORE11 + "sha256-rsa-MGF1", MORE11 + "sha384-rsa-MGF1", MORE11 + "sha512-rsa-MGF1",
            MORE + "ecdsa-sha256", MORE + "ecdsa-sha384", MORE + "ecdsa-sha512",
            "http://www.w3.org/2021/04/xmldsig-more#eddsa-ed25519");
    private static final Set<String> WEAK = Set.of(
            "http://www.w3.org/2000/09/xmldsig#rsa-sha1", "http://www.w3.org/2000/09/xmldsig#dsa-sha1",
            "http://www.w3.org/2009/xmldsig11#dsa-sha256", MORE + "ecdsa-sha1", MORE + "rsa-md5", MORE + "rsa-sha224",
            MORE + "ecdsa-sha224");

    private SignatureMethodPolicy() {
    }

    /** null when the SignedInfo's signature method is accepted, else the sub-indication refusing it. */
    static SubIndication refusal(Element signedInfo) throws XadesFormatException {
        String method = method(signedInfo);
        if (ACCEPTED.contains(method)) {
            return null;
        }
        return WEAK.contains(method) ? SubIndication.CRYPTO_CONSTRAINTS_FAILURE : SubIndication.FORMAT_FAILURE;
    }

    static String reason(Element signedInfo) throws XadesFormatException {
        String method = method(signedInfo);
        if (method.contains("hmac")) {
            return "an HMAC signature method (" + method + ") proves nothing about a certificate holder: refused";
        }
        return WEAK.contains(method) ? "the signature method " + method + " is no longer accepted (SHA-256 or stronger)"
                : "the signature method " + (method.isEmpty() ? "(none)" : method) + " is not accepted";
    }

    private static String method(Element signedInfo) throws XadesFormatException {
        Element method = Dom.child(signedInfo, DS, "SignatureMethod");
        return method == null ? "" : method.getAttributeNS(null, "Algorithm");
    }
}
