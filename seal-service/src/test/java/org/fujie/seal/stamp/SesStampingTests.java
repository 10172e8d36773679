package org.fujie.seal.stamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.x509.Certificate;
import org.fujie.ca.support.FujieTestClient;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.Sm2Check;
import org.fujie.pki.pdf.TestPdfs;
import org.fujie.seal.SealServicesTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/**
 * GB/T 38540 secure electronic seals from seal-service: an SM2 seal's SESeal (made by the seal maker, exported as DER)
 * and SES_Signatures over documents (format "ses"), each read here field by field from the standard's ASN.1 with Bouncy
 * Castle's primitives, their SM2 signatures checked by Bouncy Castle's low-level SM2Signer over exactly the bytes the
 * standard names, OpenSSL parsing the DER, and trust-service verifying them in the standard's order.
 */
class SesStampingTests extends SealServicesTest {

    @Test
    void esealWhenSm2SealApprovedThenTheMakerSignedSesealListsTheSealCertificate(@TempDir Path dir) throws Exception {
        String seal = services.activeSeal("国密公章", "SM2");

        FujieTestClient.Bytes eseal = services.keeperGet("/api/v1/seals/" + seal + "/eseal");

        assertThat(eseal.status()).as(new String(eseal.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(services.keeperGet("/api/v1/seals/" + seal + "/eseal").body()).as("kept, not made again").isEqualTo(eseal.body());
        OpenSsl openssl = new OpenSsl(dir);
        openssl.write("seal.der", eseal.body());
        assertThat(openssl.run("asn1parse", "-inform", "DER", "-in", "seal.der", "-i")).contains("IA5STRING", ":ES", ":FUJIE", seal);

        // SESeal ::= SEQUENCE { eSealInfo SES_SealInfo, cert OCTET STRING, signAlgID OID, signedValue BIT STRING }
        ASN1Sequence sealSequence = ASN1Sequence.getInstance(eseal.body());
        ASN1Sequence info = ASN1Sequence.getInstance(sealSequence.getObjectAt(0));
        ASN1Sequence header = ASN1Sequence.getInstance(info.getObjectAt(0));
        assertThat(((ASN1String) header.getObjectAt(0)).getString()).isEqualTo("ES");
        assertThat(ASN1Integer.getInstance(header.getObjectAt(1)).intValueExact()).isEqualTo(4);
        assertThat(((ASN1String) info.getObjectAt(1)).getString()).isEqualTo(seal);
        ASN1Sequence property = ASN1Sequence.getInstance(info.getObjectAt(2));
        assertThat(((ASN1String) property.getObjectAt(1)).getString()).isEqualTo("国密公章");
        assertThat(ASN1Integer.getInstance(property.getObjectAt(2)).intValueExact()).as("certListType: certificates").isEqualTo(1);
        byte[] listed = ASN1OctetString.getInstance(ASN1Sequence.getInstance(property.getObjectAt(3)).getObjectAt(0)).getOctets();
        ASN1Sequence picture = ASN1Sequence.getInstance(info.getObjectAt(3));
        assertThat(ASN1OctetString.getInstance(picture.getObjectAt(1)).getOctets())
                .isEqualTo(services.keeperGet("/api/v1/seals/" + seal + "/image.png").body());
        Certificate maker = Certificate.getInstance(ASN1OctetString.getInstance(sealSequence.getObjectAt(1)).getOctets());
        assertThat(maker.getSubject().toString()).contains("电子印章制作系统");
        byte[] makerSignature = DERBitString.getInstance(sealSequence.getObjectAt(3)).getOctets();
        assertThat(Sm2Check.verifies(info.getEncoded(ASN1Encoding.DER), makerSignature, maker.getSubjectPublicKeyInfo(),
                Sm2Check.DEFAULT_ID)).as("the maker signs DER(SES_SealInfo)").isTrue();
        Certificate sealCertificate = Certificate.getInstance(listed);
        assertThat(sealCertificate.getSubject().toString()).contains("国密公章");

        JsonNode ours = services.trustServiceVerifyFile("seal.eseal", eseal.body());
        assertThat(ours.get("indication").asString()).as(ours.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(ours.get("signatures").get(0).get("format").asString()).isEqualTo("GB/T 38540 SESeal");
        assertThat(ours.get("signatures").get(0).get("seal").get("esId").asString()).isEqualTo(seal);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"B-B", "B-T"})
    void stampWhenFormatSesThenAnSm2SesSignatureTrustServicePassesAndAnotherDocumentFails(String level) throws Exception {
        String seal = services.activeSeal("国密合同章" + level.replace("-", ""), "SM2");
        byte[] document = TestPdfs.page("SES Contract " + level);

        FujieTestClient.Bytes stamped = services.stamp(seal, "contract.pdf", document, "{\"format\":\"ses\",\"level\":\"" + level + "\"}");

        assertThat(stamped.status()).as(new String(stamped.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        // SES_Signature ::= SEQUENCE { toSign TBS_Sign, cert OCTET STRING, signatureAlgorithm OID, signature BIT STRING,
        //                              timeStamp [0] BIT STRING OPTIONAL }
        ASN1Sequence signature = ASN1Sequence.getInstance(stamped.body());
        ASN1Sequence toSign = ASN1Sequence.getInstance(signature.getObjectAt(0));
        assertThat(ASN1Integer.getInstance(toSign.getObjectAt(0)).intValueExact()).isEqualTo(4);
        assertThat(DERBitString.getInstance(toSign.getObjectAt(3)).getOctets()).as("dataHash, a BIT STRING").isEqualTo(Sm2Check.sm3(document));
        assertThat(((ASN1String) toSign.getObjectAt(4)).getString()).as("propertyInfo").isEqualTo("contract.pdf");
        Certificate signer = Certificate.getInstance(ASN1OctetString.getInstance(signature.getObjectAt(1)).getOctets());
        byte[] value = DERBitString.getInstance(signature.getObjectAt(3)).getOctets();
        assertThat(Sm2Check.verifies(toSign.getEncoded(ASN1Encoding.DER), value, signer.getSubjectPublicKeyInfo(), Sm2Check.DEFAULT_ID))
                .as("the seal's key signs DER(TBS_Sign)").isTrue();
        assertThat(signature.size()).isEqualTo("B-T".equals(level) ? 5 : 4);
        if ("B-T".equals(level)) {
            assertThat(ASN1TaggedObject.getInstance(signature.getObjectAt(4)).getTagNo()).isZero();
        }

        JsonNode ours = services.trustServiceVerify(stamped.body(), "contract.pdf", document);
        assertThat(ours.get("indication").asString()).as(ours.toString()).isEqualTo("TOTAL_PASSED");
        JsonNode view = ours.get("signatures").get(0);
        assertThat(view.get("format").asString()).isEqualTo("GB/T 38540 SES_Signature");
        assertThat(view.get("checks").toString()).contains("SIGNATURE_VALUE", "SIGNER_IN_SEAL", "SEAL_SIGNATURE", "DOCUMENT_HASH");
        assertThat(view.has("timestamp")).isEqualTo("B-T".equals(level));
        JsonNode other = services.trustServiceVerify(stamped.body(), "contract.pdf", TestPdfs.page("SES Contract changed"));
        assertThat(other.get("indication").asString()).isEqualTo("TOTAL_FAILED");
        assertThat(other.get("signatures").get(0).get("checks").toString()).contains("DOCUMENT_HASH");
        assertThat(services.usage(seal).get(0).get("placement").asString()).isEqualTo("GB/T 38540 SES_Signature");
    }

    @Test
    void stampWhenSesAskedOfAnEcSealOrWithPdfOptionsThenRefusedAndNothingRecorded() {
        String ec = services.activeSeal("非国密章");
        assertProblem(services.stamp(ec, "a.bin", new byte[] {1, 2, 3}, "{\"format\":\"ses\"}"), "is SM2");
        assertThat(services.keeperGet("/api/v1/seals/" + ec + "/eseal").status()).isEqualTo(409);
        String sm2 = services.activeSeal("国密校验章", "SM2");
        assertProblem(services.stamp(sm2, "a.bin", new byte[] {1, 2, 3}, "{\"format\":\"ses\",\"level\":\"B-LT\"}"), "B-B or B-T");
        assertProblem(services.stamp(sm2, "a.bin", new byte[] {1, 2, 3}, "{\"format\":\"ses\",\"page\":1}"), "format and level only");
        assertProblem(services.stamp(sm2, "a.bin", new byte[] {1, 2, 3}, "{\"format\":\"ofd\"}"), "format must be");
        assertThat(services.usage(ec)).isEmpty();
        assertThat(services.usage(sm2)).isEmpty();
    }

    private static void assertProblem(FujieTestClient.Bytes response, String reason) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(body).contains("stamp-invalid", reason).doesNotContain("Exception");
    }
}
