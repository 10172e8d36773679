package org.fujie.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.fujie.ca.support.FujieTestClient;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.Sm2Check;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.pdf.TestPdfs;
import org.fujie.pki.ses.SesStructures;
import org.fujie.pki.x509.Pem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/**
 * trust-service with the national algorithms: the TSA with an SM2 key (fujie.tsa.algorithm=SM2) answering an OpenSSL
 * query with an SM3 imprint (OpenSSL reads the reply and verifies the TSA certificate's chain; the token's SM2 signature
 * it cannot check, OpenSSL 3.0 verifies SM2 CMS with no user ID, shared/FACTS.md, so Bouncy Castle's low-level
 * SM2Signer does), certificates of an SM2 hierarchy validated against an SM2 trust anchor with SM2-signed OCSP, and
 * GB/T 38540 and GM/T 0031 seals and signatures built field by field by the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Sm2TrustServiceTests {

    private RunningTrustService services;

    @BeforeAll
    void start() {
        services = RunningTrustService.start(Map.of("fujie.tsa.algorithm", "SM2", "fujie.tsa.subject", "CN=Fujie SM2 TSA,O=Fujie"));
    }

    @AfterAll
    void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void tsaWhenSm3QueryThenAnSm2TokenOverTheSm3Imprint(@TempDir Path dir) throws Exception {
        OpenSsl openssl = new OpenSsl(dir);
        openssl.write("document.txt", "国密时间戳的文件");
        openssl.run("ts", "-query", "-data", "document.txt", "-sm3", "-cert", "-out", "q.tsq");

        byte[] reply = services.stampWhenReady(openssl.readBytes("q.tsq"));
        openssl.write("r.tsr", reply);

        String text = openssl.run("ts", "-reply", "-in", "r.tsr", "-text");
        assertThat(text).contains("Status: Granted", "Hash Algorithm: sm3");
        TimeStampToken token = new TimeStampResponse(reply).getTimeStampToken();
        assertThat(token.getTimeStampInfo().getMessageImprintAlgOID()).isEqualTo(GMObjectIdentifiers.sm3);
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(Sm2Check.sm3(openssl.readBytes("document.txt")));

        SignerInfo signer = SignerInfo.getInstance(SignedData.getInstance(token.toCMSSignedData().toASN1Structure().getContent())
                .getSignerInfos().getObjectAt(0));
        assertThat(signer.getDigestAlgorithm().getAlgorithm()).isEqualTo(GMObjectIdentifiers.sm3);
        assertThat(signer.getDigestEncryptionAlgorithm().getAlgorithm()).isEqualTo(GMObjectIdentifiers.sm2sign_with_sm3);
        X509CertificateHolder tsa = (X509CertificateHolder) token.getCertificates().getMatches(token.getSID()).iterator().next();
        assertThat(tsa.getSubject().toString()).contains("Fujie SM2 TSA");
        assertThat(Sm2Check.verifies(signer.getAuthenticatedAttributes(), signer.getEncryptedDigest().getOctets(),
                tsa.getSubjectPublicKeyInfo())).isTrue();
        byte[] forged = signer.getEncryptedDigest().getOctets().clone();
        forged[forged.length - 1] ^= 0x01;
        assertThat(Sm2Check.verifies(signer.getAuthenticatedAttributes().getEncoded(), forged, tsa.getSubjectPublicKeyInfo(),
                Sm2Check.DEFAULT_ID)).isFalse();

        openssl.write("tsa.pem", Pem.certificate(tsa.getEncoded()));
        assertThat(openssl.run("x509", "-in", "tsa.pem", "-noout", "-text")).contains("ASN1 OID: SM2", "Time Stamping");
        assertThat(openssl.run("verify", "-purpose", "timestampsign", "-CAfile", services.ca.trustChain().toString(), "tsa.pem"))
                .contains("tsa.pem: OK");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"EC-P256", "SM2"})
    void validateWhenSm2HierarchyAnchoredThenPassedAndRevokedFailsByOcsp(String leafAlgorithm) {
        String suffix = leafAlgorithm.toLowerCase().replace("-", "");
        ensureSm2Hierarchy();
        FujieTestClient.Response good = sm2Leaf("CN=国密签名人 " + suffix + ",O=示例部", leafAlgorithm);
        FujieTestClient.Response bad = sm2Leaf("CN=已吊销 " + suffix + ",O=示例部", leafAlgorithm);
        services.ca.admin().post("/api/v1/certificates/" + bad.json().get("serialNumber").asString() + "/revoke",
                Map.of("reason", "keyCompromise"));

        JsonNode passed = validate(good);
        JsonNode failed = validate(bad);

        assertThat(passed.get("indication").asString()).as(passed.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(passed.get("path")).hasSize(3);
        assertThat(passed.get("revocation").toString()).contains("OCSP", "GOOD");
        assertThat(failed.get("indication").asString()).as(failed.toString()).isEqualTo("TOTAL_FAILED");
        assertThat(failed.get("subIndication").asString()).isEqualTo("REVOKED");
    }

    /**
     * A v4 and a v1 seal and signature built by the test field by field (SesStructures: Bouncy Castle's ASN.1 and its
     * low-level SM2Signer, nothing of Fujie's ses package) with SM2 keys and certificates ca-service issued: trust-service
     * passes them; one byte changed in the picture or the maker's signature fails SEAL_SIGNATURE (the signature value
     * first, when the signer did not sign the changed seal), another document fails DOCUMENT_HASH.
     */
    @ParameterizedTest(name = "v{0}")
    @ValueSource(ints = {4, 1})
    void verifyWhenHandBuiltSealAndSignatureThenPassedAndEachTamperingFailsItsCheck(int version) throws Exception {
        Credential maker = credential("CN=测试制章系统 v" + version + ",O=示例部");
        Credential signer = credential("CN=测试公章 v" + version + ",O=示例部");
        byte[] png = ("\u0089PNG hand-built picture v" + version).getBytes(StandardCharsets.ISO_8859_1);
        byte[] document = ("关于数据共享的批复 v" + version).getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();
        Instant until = now.plus(Duration.ofDays(365));
        DERSequence seal = version == 4
                ? SesStructures.sealV4(SesStructures.sealInfoV4("hand-" + version, List.of(signer.der()), now.minusSeconds(60), until, png),
                        maker.der(), maker.key())
                : SesStructures.sealV1(SesStructures.sealInfoV1("hand-" + version, List.of(signer.der()), now.minusSeconds(60), until, png),
                        maker.der(), maker.key());
        byte[] signature = SesStructures.der(version == 4
                ? SesStructures.signatureV4(seal, now, Sm2Check.sm3(document), signer.der(), signer.key(), null)
                : SesStructures.signatureV1(seal, now, Sm2Check.sm3(document), signer.der(), signer.key()));
        byte[] sealDer = SesStructures.der(seal);

        assertThat(verify("hand.eseal", sealDer, null, null).get("indication").asString()).isEqualTo("TOTAL_PASSED");
        JsonNode passed = verify("hand.ses", signature, "letter.txt", document);
        assertThat(passed.get("indication").asString()).as(passed.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(passed.get("signatures").get(0).get("format").asString())
                .isEqualTo(version == 4 ? "GB/T 38540 SES_Signature" : "GM/T 0031 SES_Signature");

        byte[] pictureChanged = flipped(sealDer, png);
        assertThat(failedCheck(verify("hand.eseal", pictureChanged, null, null))).isEqualTo("SEAL_SIGNATURE");
        // the signer signs over the changed seal: its own signature holds, the maker's no longer does
        DERSequence changedSeal = new DERSequence(ASN1Sequence.getInstance(pictureChanged).toArray());
        byte[] overChanged = SesStructures.der(version == 4
                ? SesStructures.signatureV4(changedSeal, now, Sm2Check.sm3(document), signer.der(), signer.key(), null)
                : SesStructures.signatureV1(changedSeal, now, Sm2Check.sm3(document), signer.der(), signer.key()));
        assertThat(failedCheck(verify("hand.ses", overChanged, "letter.txt", document))).isEqualTo("SEAL_SIGNATURE");
        assertThat(failedCheck(verify("hand.ses", flipped(signature, png), "letter.txt", document))).isEqualTo("SIGNATURE_VALUE");
        byte[] makerValue = version == 4 ? DERBitString.getInstance(seal.getObjectAt(3)).getOctets()
                : DERBitString.getInstance(ASN1Sequence.getInstance(seal.getObjectAt(1)).getObjectAt(2)).getOctets();
        assertThat(failedCheck(verify("hand.eseal", flipped(sealDer, makerValue), null, null))).isEqualTo("SEAL_SIGNATURE");
        assertThat(failedCheck(verify("hand.ses", signature, "letter.txt", "另一份文件".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("DOCUMENT_HASH");
    }

    private record Credential(PrivateKey key, byte[] der) {
    }

    /** An SM2 key ca-service generates, profile seal, from the bootstrap issuing CA that trust-service trusts. */
    private Credential credential(String subject) throws Exception {
        FujieTestClient.Response issued = services.ca.admin().post("/api/v1/certificates", Map.of("profile", "seal",
                "subject", subject, "keyGeneration", Map.of("algorithm", "SM2", "password", "hand-built")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        KeyStore p12 = KeyStore.getInstance("PKCS12", CryptoProviders.bouncyCastle());
        p12.load(new ByteArrayInputStream(Base64.getDecoder().decode(issued.json().get("pkcs12").asString())), "hand-built".toCharArray());
        String alias = java.util.Collections.list(p12.aliases()).stream().filter(a -> {
            try {
                return p12.isKeyEntry(a);
            } catch (java.security.KeyStoreException e) {
                return false;
            }
        }).findFirst().orElseThrow();
        return new Credential((PrivateKey) p12.getKey(alias, "hand-built".toCharArray()), p12.getCertificate(alias).getEncoded());
    }

    private JsonNode verify(String name, byte[] file, String documentName, byte[] document) {
        List<FujieTestClient.FilePart> parts = new ArrayList<>(List.of(new FujieTestClient.FilePart("document", name, file)));
        if (document != null) {
            parts.add(new FujieTestClient.FilePart("detached", documentName, document));
        }
        FujieTestClient.Response response = services.admin.postFiles("/api/v1/verify", parts);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String failedCheck(JsonNode report) {
        assertThat(report.get("indication").asString()).as(report.toString()).isNotEqualTo("TOTAL_PASSED");
        for (JsonNode check : report.get("signatures").get(0).get("checks")) {
            if (!"TOTAL_PASSED".equals(check.get("indication").asString())) {
                return check.get("check").asString();
            }
        }
        throw new AssertionError("no check failed: " + report);
    }

    /** The DER with one bit of the first occurrence of {@code part} changed. */
    private static byte[] flipped(byte[] der, byte[] part) {
        int at = TestPdfs.indexOf(der, part);
        assertThat(at).as("the part is in the DER").isNotNegative();
        byte[] changed = der.clone();
        changed[at + part.length / 2] ^= 0x01;
        return changed;
    }

    private synchronized void ensureSm2Hierarchy() {
        if (services.ca.admin().get("/api/v1/cas/sm2-root").status() == 200) {
            return;
        }
        FujieTestClient.Response root = services.ca.admin().post("/api/v1/cas", Map.of("id", "sm2-root",
                "subject", "CN=示例部 SM2 根 CA,O=示例部,C=CN", "algorithm", "SM2", "pathLength", 1));
        assertThat(root.status()).as(root.body()).isEqualTo(201);
        assertThat(services.ca.admin().post("/api/v1/cas", Map.of("id", "sm2-issuing", "subject", "CN=示例部 SM2 签发 CA,O=示例部,C=CN",
                "algorithm", "SM2", "parentId", "sm2-root", "pathLength", 0)).status()).isEqualTo(201);
        FujieTestClient.Response anchored = services.admin.post("/api/v1/trust-anchors", Map.of(
                "certificatePem", root.json().get("certificatePem").asString(), "purposes", List.of("DOCUMENT_SIGNING")));
        assertThat(anchored.status()).as(anchored.body()).isEqualTo(201);
    }

    private FujieTestClient.Response sm2Leaf(String subject, String algorithm) {
        FujieTestClient.Response issued = services.ca.admin().post("/api/v1/certificates", Map.of("profile", "document-signing",
                "caId", "sm2-issuing", "subject", subject, "keyGeneration", Map.of("algorithm", algorithm, "password", "validation")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued;
    }

    private JsonNode validate(FujieTestClient.Response issued) {
        return services.admin.post("/api/v1/certificates/validate", Map.of("certificatePem",
                issued.json().get("certificatePem").asString(), "chainPem", issued.json().get("chainPem").asString(),
                "purpose", "DOCUMENT_SIGNING")).json();
    }
}
