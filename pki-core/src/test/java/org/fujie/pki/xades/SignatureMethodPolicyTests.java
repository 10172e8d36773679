package org.fujie.pki.xades;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import javax.crypto.spec.SecretKeySpec;

import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.fujie.pki.pdf.PdfTestPki;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Signature methods below SHA-256 and HMAC "signatures" are refused before any key is used, however well-formed the
 * signature; the same document signed with RSA-SHA256 passes, so the refusal is the method's.
 */
class SignatureMethodPolicyTests {

    private static final PdfTestPki PKI = XadesSignerTests.PKI;

    @Test
    void verifyWhenRsaSha256ThenPassesAsControl() throws Exception {
        XmlReport report = XadesVerifierTests.verifier(PKI).verify(signedWith(XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256, false));

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures().get(0).format()).isEqualTo("XMLDSig");
    }

    @Test
    void verifyWhenRsaSha1ThenIndeterminateCryptoConstraints() throws Exception {
        XmlReport report = XadesVerifierTests.verifier(PKI).verify(signedWith(XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1, false));

        assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(report.subIndication()).isEqualTo(SubIndication.CRYPTO_CONSTRAINTS_FAILURE);
        assertThat(report.detail()).contains("rsa-sha1", "no longer accepted");
    }

    @Test
    void verifyWhenHmacKeyedWithThePublicKeyThenRefused() throws Exception {
        XmlReport report = XadesVerifierTests.verifier(PKI).verify(signedWith(XMLSignature.ALGO_ID_MAC_HMAC_SHA256, true));

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(report.detail()).contains("HMAC");
    }

    /** An enveloped XML Signature over a small document, the signer's certificate in KeyInfo. */
    private static byte[] signedWith(String method, boolean hmacWithPublicKey) throws Exception {
        SecureXml xml = new SecureXml(1 << 20, 64);
        Document document = xml.parse("<批复><结论>同意</结论></批复>".getBytes(StandardCharsets.UTF_8));
        XMLSignature signature = new XMLSignature(document, "", method, "http://www.w3.org/2001/10/xml-exc-c14n#");
        document.getDocumentElement().appendChild(signature.getElement());
        Transforms transforms = new Transforms(document);
        transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        signature.addDocument("", transforms, "http://www.w3.org/2001/04/xmlenc#sha256");
        signature.addKeyInfo(PKI.signer.x509());
        signature.addKeyInfo(PKI.issuing.x509());
        if (hmacWithPublicKey) {
            signature.sign(new SecretKeySpec(PKI.signer.x509().getPublicKey().getEncoded(), "HmacSHA256"));
        } else {
            signature.sign(PKI.signer.keyPair().getPrivate());
        }
        return SecureXml.serialize(document);
    }
}
