package org.fujie.pki.xades;

import static org.fujie.pki.xades.XadesNames.DS;
import static org.fujie.pki.xades.XadesNames.XADES;
import static org.fujie.pki.xades.XadesNames.XADES141;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.fujie.pki.cms.ValidationData;
import org.fujie.pki.crypto.CryptoProviders;
import org.w3c.dom.Element;

/**
 * What a signature's xades:QualifyingProperties say: the claimed signing time, the signing-certificate references, the
 * claimed role and commitment, the time-stamp properties, and the validation data (CertificateValues, RevocationValues,
 * TimeStampValidationData). Read defensively: unreadable validation data is skipped (it can only help), unreadable
 * signed properties are a format error.
 */
record XadesProperties(Element signedProperties, Instant claimedSigningTime, List<Element> certificateReferences,
        String claimedRole, String commitment, List<Element> signatureTimeStamps, List<Element> archiveTimeStamps,
        ValidationData validationData) {

    static final String INCLUSIVE_C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";

    /** @return null for a plain XML signature (no QualifyingProperties) */
    static XadesProperties read(Element signature, String signatureId) throws XadesFormatException {
        Element qualifying = UnsignedProperties.qualifyingProperties(signature);
        if (qualifying == null) {
            return null;
        }
        if (!("#" + signatureId).equals(qualifying.getAttributeNS(null, "Target"))) {
            throw new XadesFormatException("the QualifyingProperties target another signature than #" + signatureId);
        }
        Element signed = Dom.child(qualifying, XADES, "SignedProperties");
        if (signed == null) {
            throw new XadesFormatException("the QualifyingProperties hold no SignedProperties");
        }
        Element signatureProperties = Dom.child(signed, XADES, "SignedSignatureProperties");
        if (signatureProperties == null) {
            throw new XadesFormatException("no SignedSignatureProperties");
        }
        Instant signingTime = signingTime(Dom.child(signatureProperties, XADES, "SigningTime"));
        List<Element> references = new ArrayList<>();
        for (String name : List.of("SigningCertificateV2", "SigningCertificate")) {
            Element certificate = Dom.child(signatureProperties, XADES, name);
            if (certificate != null) {
                references.addAll(Dom.children(certificate, XADES, "Cert"));
            }
        }
        String role = null;
        for (String name : List.of("SignerRoleV2", "SignerRole")) {
            Element signerRole = Dom.child(signatureProperties, XADES, name);
            Element claimed = signerRole == null ? null : Dom.child(signerRole, XADES, "ClaimedRoles");
            Element first = claimed == null ? null : Dom.children(claimed, XADES, "ClaimedRole").stream().findFirst().orElse(null);
            if (first != null && role == null) {
                role = first.getTextContent().strip();
            }
        }
        String commitment = null;
        Element dataProperties = Dom.child(signed, XADES, "SignedDataObjectProperties");
        Element indication = dataProperties == null ? null : Dom.child(dataProperties, XADES, "CommitmentTypeIndication");
        Element typeId = indication == null ? null : Dom.child(indication, XADES, "CommitmentTypeId");
        Element identifier = typeId == null ? null : Dom.child(typeId, XADES, "Identifier");
        if (identifier != null) {
            commitment = identifier.getTextContent().strip();
        }
        Element unsigned = UnsignedProperties.existing(signature);
        List<Element> signatureTimeStamps = unsigned == null ? List.of() : Dom.children(unsigned, XADES, "SignatureTimeStamp");
        List<Element> archiveTimeStamps = unsigned == null ? List.of() : Dom.children(unsigned, XADES141, "ArchiveTimeStamp");
        return new XadesProperties(signed, signingTime, references, role, commitment, signatureTimeStamps, archiveTimeStamps,
                validationData(signature, unsigned));
    }

    /** The certificate among the candidates the first signing-certificate reference names (digest, and issuer-serial when given). */
    X509Certificate signingCertificate(List<X509Certificate> candidates) throws XadesFormatException {
        if (certificateReferences.isEmpty()) {
            throw new XadesFormatException("the signed properties name no signing certificate");
        }
        Element reference = certificateReferences.get(0);
        Element digest = Dom.child(reference, XADES, "CertDigest");
        Element method = digest == null ? null : Dom.child(digest, DS, "DigestMethod");
        Element value = digest == null ? null : Dom.child(digest, DS, "DigestValue");
        if (method == null || value == null) {
            throw new XadesFormatException("a signing-certificate reference without its digest");
        }
        String algorithm = switch (method.getAttributeNS(null, "Algorithm")) {
            case "http://www.w3.org/2000/09/xmldsig#sha1" -> "SHA-1";
            case "http://www.w3.org/2001/04/xmlenc#sha256" -> "SHA-256";
            case "http://www.w3.org/2001/04/xmldsig-more#sha384" -> "SHA-384";
            case "http://www.w3.org/2001/04/xmlenc#sha512" -> "SHA-512";
            default -> throw new XadesFormatException("unsupported certificate digest " + method.getAttributeNS(null, "Algorithm"));
        };
        byte[] expected = base64(value);
        Element issuerSerialV2 = Dom.child(reference, XADES, "IssuerSerialV2");
        for (X509Certificate candidate : candidates) {
            try {
                byte[] actual = MessageDigest.getInstance(algorithm).digest(candidate.getEncoded());
                if (MessageDigest.isEqual(actual, expected) && (issuerSerialV2 == null || serialMatches(issuerSerialV2, candidate))) {
                    return candidate;
                }
            } catch (Exception e) {
                // a candidate that cannot be encoded or hashed is not the signer
            }
        }
        return null;
    }

    private static boolean serialMatches(Element issuerSerialV2, X509Certificate candidate) {
        try {
            return IssuerSerial.getInstance(base64(issuerSerialV2)).getSerial().getValue().equals(candidate.getSerialNumber());
        } catch (RuntimeException | XadesFormatException e) {
            return false;
        }
    }

    private static Instant signingTime(Element element) throws XadesFormatException {
        if (element == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(element.getTextContent().strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new XadesFormatException("the SigningTime is not an xs:dateTime with a time zone");
        }
    }

    private static ValidationData validationData(Element signature, Element unsigned) throws XadesFormatException {
        List<X509Certificate> certificates = new ArrayList<>(keyInfoCertificates(signature));
        List<X509CRLHolder> crls = new ArrayList<>();
        List<BasicOCSPResp> ocsps = new ArrayList<>();
        List<Element> holders = new ArrayList<>();
        if (unsigned != null) {
            holders.addAll(Dom.children(unsigned, XADES, "CertificateValues"));
            holders.addAll(Dom.children(unsigned, XADES, "RevocationValues"));
            holders.addAll(Dom.children(unsigned, XADES141, "TimeStampValidationData"));
        }
        for (Element holder : holders) {
            collect(holder, certificates, crls, ocsps);
        }
        return new ValidationData(certificates, crls, ocsps);
    }

    /** The values under a CertificateValues, RevocationValues or TimeStampValidationData element, unreadable ones skipped. */
    private static void collect(Element holder, List<X509Certificate> certificates, List<X509CRLHolder> crls,
            List<BasicOCSPResp> ocsps) throws XadesFormatException {
        for (Element value : descendants(holder)) {
            if (!XADES.equals(value.getNamespaceURI())) {
                continue;
            }
            try {
                switch (value.getLocalName()) {
                    case "EncapsulatedX509Certificate" -> certificates.add(certificate(base64(value)));
                    case "EncapsulatedCRLValue" -> crls.add(new X509CRLHolder(base64(value)));
                    case "EncapsulatedOCSPValue" -> {
                        if (new OCSPResp(base64(value)).getResponseObject() instanceof BasicOCSPResp basic) {
                            ocsps.add(basic);
                        }
                    }
                    default -> {
                        // containers (CRLValues, OCSPValues, ...) are walked through
                    }
                }
            } catch (Exception e) {
                // skipped: validation data can only help, and each piece is verified where it is used
            }
        }
    }

    private static List<Element> descendants(Element root) {
        List<Element> all = new ArrayList<>();
        List<Element> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            Element next = pending.remove(pending.size() - 1);
            all.add(next);
            pending.addAll(Dom.elementChildren(next));
        }
        return all;
    }

    /** The ds:X509Certificate values of the signature's KeyInfo, in order. */
    static List<X509Certificate> keyInfoCertificates(Element signature) throws XadesFormatException {
        List<X509Certificate> certificates = new ArrayList<>();
        Element keyInfo = Dom.child(signature, DS, "KeyInfo");
        if (keyInfo == null) {
            return certificates;
        }
        for (Element data : Dom.children(keyInfo, DS, "X509Data")) {
            for (Element value : Dom.children(data, DS, "X509Certificate")) {
                try {
                    certificates.add(certificate(base64(value)));
                } catch (CertificateException e) {
                    throw new XadesFormatException("a KeyInfo certificate cannot be read");
                }
            }
        }
        return certificates;
    }

    static byte[] base64(Element element) throws XadesFormatException {
        try {
            return Base64.getMimeDecoder().decode(element.getTextContent().strip());
        } catch (IllegalArgumentException e) {
            throw new XadesFormatException(element.getLocalName() + " is not base64");
        }
    }

    private static X509Certificate certificate(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509", CryptoProviders.bouncyCastle())
                .generateCertificate(new ByteArrayInputStream(der));
    }

    /** The time-stamp property's canonicalization method (inclusive C14N 1.0 when absent, as XAdES says). */
    static String canonicalization(Element timeStamp) throws XadesFormatException {
        Element method = Dom.child(timeStamp, DS, "CanonicalizationMethod");
        String algorithm = method == null ? INCLUSIVE_C14N : method.getAttributeNS(null, "Algorithm");
        if (!TransformPolicy.CANONICALIZATIONS.contains(algorithm)) {
            throw new XadesFormatException("the time-stamp's canonicalization " + algorithm + " is not accepted");
        }
        return algorithm;
    }
}
