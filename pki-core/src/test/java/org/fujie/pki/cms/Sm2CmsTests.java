package org.fujie.pki.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTCTime;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.fujie.pki.Sm2Check;
import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.pdf.PdfTestPki;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SM2 CMS as other national-standard systems write it, built here field by field with Bouncy Castle's ASN.1 classes and
 * signed by its low-level SM2Signer (not Fujie's signing path): GM/T 0010's content types (signedData
 * 1.2.156.10197.6.1.4.2.2, data 1.2.156.10197.6.1.4.2.1) or PKCS#7's, and the signature algorithm named SM2-1
 * (1.2.156.10197.1.301.1) or SM3withSM2 (1.2.156.10197.1.501). Fujie's verifier accepts every combination and still
 * refuses a changed document.
 */
class Sm2CmsTests {

    private static final PdfTestPki PKI = new PdfTestPki("Fujie SM2 CMS Test", KeyAlgorithm.SM2, KeyAlgorithm.SM2);
    private static final ASN1ObjectIdentifier GM_DATA = new ASN1ObjectIdentifier("1.2.156.10197.6.1.4.2.1");
    private static final ASN1ObjectIdentifier GM_SIGNED_DATA = new ASN1ObjectIdentifier("1.2.156.10197.6.1.4.2.2");
    private static final byte[] DOCUMENT = "关于数据共享平台接入的批复".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest(name = "{0} content types, {1}")
    @CsvSource({"GM/T 0010, 1.2.156.10197.1.301.1", "GM/T 0010, 1.2.156.10197.1.501", "PKCS#7, 1.2.156.10197.1.301.1",
            "PKCS#7, 1.2.156.10197.1.501"})
    void verifyWhenNationalStandardCmsThenPassedAndAChangedDocumentFails(String contentTypes, String signatureOid) throws Exception {
        boolean gm = contentTypes.startsWith("GM");
        byte[] cms = signedData(PKI.signer, gm ? GM_SIGNED_DATA : CMSObjectIdentifiers.signedData,
                gm ? GM_DATA : CMSObjectIdentifiers.data, new ASN1ObjectIdentifier(signatureOid), DOCUMENT);
        CadesVerifier verifier = CadesVerifierDssTests.verifier(PKI);

        CmsReport report = verifier.verify(cms, DOCUMENT);
        CmsReport changed = verifier.verify(cms, "关于数据共享平台接入的批复。".getBytes(StandardCharsets.UTF_8));

        assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures().get(0).signer()).contains("Zhang San");
        assertThat(changed.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(changed.subIndication()).isEqualTo(SubIndication.HASH_FAILURE);
    }

    /** A detached SignedData: content-type, message-digest (SM3) and signing-time attributes, signed by SM2Signer. */
    private static byte[] signedData(Issued signer, ASN1ObjectIdentifier signedDataType, ASN1ObjectIdentifier dataType,
            ASN1ObjectIdentifier signatureAlgorithm, byte[] document) throws Exception {
        AlgorithmIdentifier sm3 = new AlgorithmIdentifier(GMObjectIdentifiers.sm3);
        ASN1Set attributes = new DERSet(new ASN1EncodableVector() {{
                add(new Attribute(CMSAttributes.contentType, new DERSet(dataType)));
                add(new Attribute(CMSAttributes.signingTime, new DERSet(new DERUTCTime(new Date()))));
                add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(Sm2Check.sm3(document)))));
            }});
        byte[] signature = sm2Sign(signer, attributes.getEncoded(ASN1Encoding.DER));
        DERSequence signerInfo = new DERSequence(new ASN1EncodableVector() {{
                add(new ASN1Integer(1));
                add(new IssuerAndSerialNumber(signer.certificate().getIssuer(), signer.certificate().getSerialNumber()));
                add(sm3);
                add(new DERTaggedObject(false, 0, attributes));
                add(new AlgorithmIdentifier(signatureAlgorithm));
                add(new DEROctetString(signature));
            }});
        DERSequence signedData = new DERSequence(new ASN1EncodableVector() {{
                add(new ASN1Integer(1));
                add(new DERSet(sm3));
                add(new DERSequence(dataType));
                add(new DERTaggedObject(false, 0, new DERSet(new ASN1EncodableVector() {{
                        add(signer.certificate().toASN1Structure());
                        add(PKI.issuing.certificate().toASN1Structure());
                    }})));
                add(new DERSet(signerInfo));
            }});
        return new DERSequence(new ASN1EncodableVector() {{
                add(signedDataType);
                add(new DERTaggedObject(true, 0, signedData));
            }}).getEncoded(ASN1Encoding.DER);
    }

    private static byte[] sm2Sign(Issued signer, byte[] data) throws java.io.IOException, CryptoException {
        SM2Signer sm2 = new SM2Signer();
        sm2.init(true, new ParametersWithID(PrivateKeyFactory.createKey(signer.keyPair().getPrivate().getEncoded()),
                "1234567812345678".getBytes(StandardCharsets.US_ASCII)));
        sm2.update(data, 0, data.length);
        return sm2.generateSignature();
    }
}
