package org.fujie.pki.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Calendar;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.tsp.TimeStampToken;
import org.fujie.pki.Sm2Check;
import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.crypto.Sm2;
import org.fujie.pki.pdf.PdfReport;
import org.fujie.pki.pdf.PdfTestPki;
import org.fujie.pki.pdf.TestPdfs;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * PDF seals with SM2/SM3 (GM/T 0010 algorithms in a PDF's PKCS#7 container): an SM2 PKI throughout (root, issuing CA,
 * signer, TSA). Fujie's verifier passes them at B-B and B-T; the CMS is judged field by field and its signature and
 * digest recomputed with Bouncy Castle's low-level SM2Signer and SM3Digest, outside the code under test (OpenSSL 3.0
 * cannot check SM2 CMS, shared/FACTS.md; DSS and poppler do not know SM2).
 */
@Isolated // changes the JVM-wide SM2 user ID: no other test class may sign or verify SM2 meanwhile
class Sm2PadesTests {

    private static final PdfTestPki PKI = new PdfTestPki("Fujie SM2 Test", KeyAlgorithm.SM2, KeyAlgorithm.SM2);

    private static List<X509CertificateHolder> chain(Issued signer) {
        return List.of(signer.certificate(), PKI.issuing.certificate(), PKI.root.certificate());
    }

    @Test
    void signWhenSm2AtBaselineBThenVerifiedAndTheCmsIsSm3WithSm2() throws Exception {
        byte[] signed = PadesSigner.baselineB().sign(TestPdfs.page("SM2 Contract"), PKI.signer.signingKey(), chain(PKI.signer),
                PadesParameters.baselineB(SealAppearance.at(1, 400, 100, 144, 144, TestSealImages.redDisc()), "合同审批",
                        Calendar.getInstance()));

        PdfReport report = PKI.verifier().verify(signed);

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures().get(0).level()).isEqualTo(BaselineLevel.B_B);
        SignerInfo signer = judgedIndependently(signed);
        assertThat(signer.getUnauthenticatedAttributes()).isNull();
    }

    @Test
    void signWhenSm2AtBaselineTThenTheTimeStampIsSm3BySm2Tsa() throws Exception {
        byte[] signed = PKI.padesSigner().sign(TestPdfs.page("SM2 Contract"), PKI.signer.signingKey(), chain(PKI.signer),
                PadesParameters.baselineB(null, "合同审批", Calendar.getInstance()).at(BaselineLevel.B_T));

        PdfReport report = PKI.verifier().verify(signed);

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures().get(0).level()).isEqualTo(BaselineLevel.B_T);
        SignerInfo signer = judgedIndependently(signed);
        Attribute stamp = Attribute.getInstance(signer.getUnauthenticatedAttributes().getObjectAt(0));
        TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(stamp.getAttrValues().getObjectAt(0)));
        assertThat(token.getTimeStampInfo().getMessageImprintAlgOID()).isEqualTo(GMObjectIdentifiers.sm3);
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(Sm2Check.sm3(signer.getEncryptedDigest().getOctets()));
        SignerInfo tsaSigner = SignerInfo.getInstance(SignedData.getInstance(token.toCMSSignedData().toASN1Structure().getContent())
                .getSignerInfos().getObjectAt(0));
        assertThat(tsaSigner.getDigestEncryptionAlgorithm().getAlgorithm()).isEqualTo(GMObjectIdentifiers.sm2sign_with_sm3);
        assertThat(Sm2Check.verifies(tsaSigner.getAuthenticatedAttributes(), tsaSigner.getEncryptedDigest().getOctets(),
                PKI.tsa.certificate().getSubjectPublicKeyInfo())).isTrue();
    }

    @Test
    void verifyWhenTheSignedDocumentChangesThenHashFailure() throws Exception {
        byte[] signed = PadesSigner.baselineB().sign(TestPdfs.page("SM2 Contract 7"), PKI.signer.signingKey(), chain(PKI.signer),
                PadesParameters.baselineB(null, "合同审批", Calendar.getInstance()));
        signed[TestPdfs.indexOf(signed, "SM2 Contract 7")] = 'K';

        PdfReport report = PKI.verifier().verify(signed);

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.subIndication()).as(report.detail()).isEqualTo(SubIndication.HASH_FAILURE);
    }

    @Test
    void signWhenTheDeploymentHasItsOwnSm2IdThenOnlyThatIdVerifies() throws Exception {
        try {
            Sm2.useUserId("fujie-ministry-01");
            PdfTestPki ministry = new PdfTestPki("Fujie SM2 Ministry", KeyAlgorithm.SM2, KeyAlgorithm.SM2);
            byte[] signed = PadesSigner.baselineB().sign(TestPdfs.page("SM2 Contract"), ministry.signer.signingKey(),
                    List.of(ministry.signer.certificate(), ministry.issuing.certificate(), ministry.root.certificate()),
                    PadesParameters.baselineB(null, "合同审批", Calendar.getInstance()));

            PdfReport report = ministry.verifier().verify(signed);
            assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);

            Sm2.useUserId(Sm2.DEFAULT_USER_ID); // a relying party with another ID: neither the chain nor the CMS verifies
            assertThat(ministry.verifier().verify(signed).indication()).isNotEqualTo(Indication.TOTAL_PASSED);
        } finally {
            Sm2.useUserId(Sm2.DEFAULT_USER_ID);
        }
    }

    /**
     * The PDF's CMS read as ASN.1: PKCS#7 signedData and data content types (a PDF reader expects RFC 5652's), SM3 digest,
     * SM3withSM2 (1.2.156.10197.1.501); its messageDigest is SM3 of the byte range and its signature verifies by SM2Signer.
     */
    private static SignerInfo judgedIndependently(byte[] pdf) throws Exception {
        byte[] cms;
        byte[] byteRange;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getSignatureDictionaries().get(0);
            cms = new ASN1InputStream(signature.getContents()).readObject().getEncoded(); // the padding after the DER is left
            byteRange = signature.getSignedContent(pdf);
        }
        ContentInfo info = ContentInfo.getInstance(cms);
        assertThat(info.getContentType()).isEqualTo(CMSObjectIdentifiers.signedData);
        SignedData signedData = SignedData.getInstance(info.getContent());
        assertThat(signedData.getEncapContentInfo().getContentType()).isEqualTo(CMSObjectIdentifiers.data);
        SignerInfo signer = SignerInfo.getInstance(signedData.getSignerInfos().getObjectAt(0));
        assertThat(signer.getDigestAlgorithm().getAlgorithm()).isEqualTo(GMObjectIdentifiers.sm3);
        assertThat(signer.getDigestEncryptionAlgorithm().getAlgorithm()).isEqualTo(GMObjectIdentifiers.sm2sign_with_sm3);
        Attribute messageDigest = new AttributeTable(signer.getAuthenticatedAttributes()).get(CMSAttributes.messageDigest);
        assertThat(ASN1OctetString.getInstance(messageDigest.getAttrValues().getObjectAt(0)).getOctets()).isEqualTo(Sm2Check.sm3(byteRange));
        assertThat(Sm2Check.verifies(signer.getAuthenticatedAttributes(), signer.getEncryptedDigest().getOctets(),
                PKI.signer.certificate().getSubjectPublicKeyInfo())).isTrue();
        assertThat(Sm2Check.verifies(signer.getAuthenticatedAttributes(), signer.getEncryptedDigest().getOctets(),
                PKI.tsa.certificate().getSubjectPublicKeyInfo())).isFalse();
        return signer;
    }
}
