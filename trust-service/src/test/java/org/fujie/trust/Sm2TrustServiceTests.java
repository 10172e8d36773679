package org.fujie.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.fujie.ca.support.FujieTestClient;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.Sm2Check;
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
 * SM2Signer does), and certificates of an SM2 hierarchy validated against an SM2 trust anchor with SM2-signed OCSP.
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
