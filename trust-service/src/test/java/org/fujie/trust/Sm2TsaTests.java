package org.fujie.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.Sm2Check;
import org.fujie.pki.x509.Pem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TSA with an SM2 key (fujie.tsa.algorithm=SM2) answering an OpenSSL query with an SM3 imprint. OpenSSL reads the
 * reply and verifies the TSA certificate's chain (ca-service's EC CAs sign it); the token's SM2 signature it cannot
 * check (OpenSSL 3.0 verifies SM2 CMS with no user ID, shared/FACTS.md), so Bouncy Castle's low-level SM2Signer does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Sm2TsaTests {

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
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(sm3(openssl.readBytes("document.txt")));

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

    private static byte[] sm3(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
