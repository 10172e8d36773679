package org.fujie.pki.xades;

import static org.fujie.pki.xades.XadesNames.DS;
import static org.fujie.pki.xades.XadesNames.SHA256;
import static org.fujie.pki.xades.XadesNames.XADES;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.w3c.dom.Element;

/**
 * The xades:QualifyingProperties of a new signature with its signed half (ETSI EN 319 132-1 5.2 and 6.3): SigningTime,
 * SigningCertificateV2 (SHA-256 of the certificate and its RFC 5035 IssuerSerial), the claimed role as SignerRoleV2,
 * a DataObjectFormat for the signed data and an optional CommitmentTypeIndication over all of it.
 */
final class SignedProperties {

    private SignedProperties() {
    }

    /**
     * @param signatureId the ds:Signature's Id, the QualifyingProperties' Target
     * @param dataReferenceId the Id of the ds:Reference to the signed data, which DataObjectFormat names; null for a
     *        countersignature (EN 319 132-1 5.2.4: the countersigned SignatureValue takes no DataObjectFormat)
     * @param object the ds:Object the QualifyingProperties go in
     * @return the SignedProperties element, with the Id {@code "xades-" + signatureId}
     */
    static Element appendTo(Element object, String signatureId, X509Certificate signer, XadesParameters parameters,
            String dataReferenceId) throws XadesException {
        Element qualifying = Dom.append(object, XADES, "xades:QualifyingProperties");
        qualifying.setAttributeNS(null, "Target", "#" + signatureId);
        Element signed = Dom.append(qualifying, XADES, "xades:SignedProperties");
        Dom.setId(signed, "xades-" + signatureId);

        Element signature = Dom.append(signed, XADES, "xades:SignedSignatureProperties");
        Dom.appendText(signature, XADES, "xades:SigningTime",
                DateTimeFormatter.ISO_INSTANT.format(parameters.signingTime().truncatedTo(ChronoUnit.SECONDS)));
        Element cert = Dom.append(Dom.append(signature, XADES, "xades:SigningCertificateV2"), XADES, "xades:Cert");
        Element digest = Dom.append(cert, XADES, "xades:CertDigest");
        Dom.append(digest, DS, "ds:DigestMethod").setAttributeNS(null, "Algorithm", SHA256);
        Dom.appendText(digest, DS, "ds:DigestValue", base64(sha256(encoded(signer))));
        Dom.appendText(cert, XADES, "xades:IssuerSerialV2", base64(issuerSerial(signer)));
        if (parameters.claimedRole() != null) {
            Element roles = Dom.append(Dom.append(signature, XADES, "xades:SignerRoleV2"), XADES, "xades:ClaimedRoles");
            Dom.appendText(roles, XADES, "xades:ClaimedRole", parameters.claimedRole());
        }

        if (dataReferenceId == null && parameters.commitment() == null) {
            return signed;
        }
        Element data = Dom.append(signed, XADES, "xades:SignedDataObjectProperties");
        if (dataReferenceId != null) {
            Element format = Dom.append(data, XADES, "xades:DataObjectFormat");
            format.setAttributeNS(null, "ObjectReference", "#" + dataReferenceId);
            Dom.appendText(format, XADES, "xades:MimeType", parameters.mimeType());
        }
        if (parameters.commitment() != null) {
            Element indication = Dom.append(data, XADES, "xades:CommitmentTypeIndication");
            Element id = Dom.append(indication, XADES, "xades:CommitmentTypeId");
            Dom.appendText(id, XADES, "xades:Identifier", parameters.commitment().uri());
            Dom.append(indication, XADES, "xades:AllSignedDataObjects");
        }
        return signed;
    }

    static byte[] encoded(X509Certificate certificate) throws XadesException {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new XadesException("the signing certificate cannot be encoded", e);
        }
    }

    /** RFC 5035 IssuerSerial, DER: what xades:IssuerSerialV2 carries. */
    static byte[] issuerSerial(X509Certificate certificate) throws XadesException {
        try {
            X500Name issuer = X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded());
            return new IssuerSerial(new GeneralNames(new GeneralName(issuer)), new ASN1Integer(certificate.getSerialNumber()))
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new XadesException("the signing certificate's issuer cannot be encoded", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }
}
