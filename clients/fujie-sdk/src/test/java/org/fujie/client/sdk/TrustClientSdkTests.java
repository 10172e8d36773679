package org.fujie.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;


import java.math.BigInteger;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.fujie.ca.support.FreePorts;
import org.fujie.ca.support.RunningCaService;
import org.fujie.client.sdk.ca.CaClient;
import org.fujie.client.sdk.ca.GeneratedKey;
import org.fujie.client.sdk.ca.IssueRequest;
import org.fujie.client.sdk.trust.Token;
import org.fujie.client.sdk.trust.TrustAnchor;
import org.fujie.client.sdk.trust.TrustClient;
import org.fujie.client.sdk.trust.Validation;
import org.fujie.client.sdk.trust.ValidationRequest;
import org.fujie.client.sdk.trust.VerificationReport;
import org.fujie.trust.TrustServiceApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** TrustClient against a real trust-service beside a real ca-service on one data folder, as ./fujie start runs them. */
class TrustClientSdkTests {

    private static RunningCaService caService;
    private static ConfigurableApplicationContext trustService;
    private static CaClient ca;
    private static TrustClient trust;

    @BeforeAll
    static void start() throws Exception {
        int caPublicPort = FreePorts.any();
        int trustPublicPort = FreePorts.any();
        // ca-service's certificates must name the port its OCSP really listens on, so validation can reach it.
        caService = RunningCaService.start(Map.of("fujie.public-http.port", Integer.toString(caPublicPort),
                "fujie.public-base-url", "http://127.0.0.1:" + caPublicPort));
        trustService = TrustServiceApplication.application().run("--fujie.data-dir=" + caService.dataDir(), "--server.port=0",
                "--fujie.public-http.port=" + trustPublicPort, "--fujie.tsa.ca-url=" + caService.baseUrl(),
                "--fujie.tsa.check-interval=1s");
        char[] password = Files.readString(caService.dataDir().resolve("bootstrap/admin.pass")).strip().toCharArray();
        FujieConnection admin = FujieConnection.builder(caService.baseUrl()).trustChain(caService.trustChain())
                .pkcs12(caService.dataDir().resolve("bootstrap/admin.p12"), password).build();
        ca = new CaClient(admin);
        trust = new TrustClient(admin.at("https://localhost:" + trustService.getEnvironment().getProperty("local.server.port")))
                .withTsa("http://127.0.0.1:" + trustPublicPort + "/tsa");
    }

    @AfterAll
    static void stop() {
        try {
            trustService.close();
        } finally {
            caService.close();
        }
    }

    @Test
    void validatesAnIssuedCertificate() {
        GeneratedKey key = generate("tls-client", "CN=SDK Validated,O=Fujie");
        Validation valid = trust.validate(ValidationRequest.of(key.certificate().certificatePem()));
        assertThat(valid.valid()).as(valid.detail()).isTrue();
        assertThat(valid.path()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aRevokedCertificateIsNotValid() {
        // A fresh certificate: trust-service may keep an earlier OCSP answer for a while, as OCSP allows.
        GeneratedKey key = generate("tls-client", "CN=SDK Revoked,O=Fujie");
        ca.revoke(key.certificate().serialNumber(), org.fujie.client.sdk.ca.RevocationReason.KEY_COMPROMISE);
        Validation revoked = trust.validate(ValidationRequest.of(key.certificate().certificatePem()));
        assertThat(revoked.valid()).isFalse();
        assertThat(revoked.revocation()).isNotEmpty();
    }

    @Test
    void logsInWithACertificateAndASigningCallback() throws Exception {
        GeneratedKey key = generate("user-auth", "CN=SDK User,O=Fujie");
        PrivateKey privateKey = privateKey(key);
        Token token = trust.login(key.certificate().certificatePem(), nonce -> sign(privateKey, nonce));
        assertThat(token.accessToken()).contains(".");
        assertThat(token.tokenType()).isEqualToIgnoringCase("Bearer");
        assertThat(token.subject()).isEqualTo(key.certificate().subject());
    }

    @Test
    void loginWithAWrongSignatureIsUnauthorized() {
        GeneratedKey key = generate("user-auth", "CN=SDK Impostor,O=Fujie");
        assertThatThrownBy(() -> trust.login(key.certificate().certificatePem(), nonce -> new byte[64]))
                .isInstanceOf(FujieProblemException.class)
                .satisfies(e -> assertThat(((FujieProblemException) e).status()).isIn(400, 401));
    }

    @Test
    void verifiesACmsSignature() throws Exception {
        GeneratedKey key = generate("document-signing", "CN=SDK Signer,O=Fujie");
        byte[] cms = cmsSign(key, "a document".getBytes(StandardCharsets.UTF_8));
        VerificationReport report = trust.verify(cms, "document.p7s");
        assertThat(report.signatures()).hasSize(1);
        assertThat(report.signatures().get(0).integrity()).isTrue();
        assertThat(report.indication()).isIn("TOTAL_PASSED", "INDETERMINATE");
    }

    @Test
    void timeStampsADigest() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest("to be time-stamped".getBytes(StandardCharsets.UTF_8));
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, digest, BigInteger.valueOf(42));
        // The TSA fetches its certificate from ca-service in the background after start.
        TimeStampResponse response = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            response = new TimeStampResponse(trust.timeStamp(request.getEncoded()));
            if (response.getTimeStampToken() != null) {
                break;
            }
            Thread.sleep(200);
        }
        response.validate(request);
        assertThat(response.getTimeStampToken().getTimeStampInfo().getNonce()).isEqualTo(BigInteger.valueOf(42));
    }

    @Test
    void addsListsAndRemovesATrustAnchor() {
        // Another department's root, as ca-service makes one (an anchor must be a CA certificate).
        String other = ca.createAuthority(new org.fujie.client.sdk.ca.NewAuthority("sdk-other-root", "CN=SDK Other Root,O=Fujie",
                "EC-P256", null, null, null, null)).certificatePem();
        TrustAnchor added = trust.addTrustAnchor(other, List.of("DOCUMENT_SIGNING"));
        assertThat(added.subject()).contains("CN=SDK Other Root");
        assertThat(added.purposes()).containsExactly("DOCUMENT_SIGNING");
        assertThat(trust.trustAnchors()).extracting(TrustAnchor::id).contains(added.id());
        trust.removeTrustAnchor(added.id());
        assertThat(trust.trustAnchors()).extracting(TrustAnchor::id).doesNotContain(added.id());
    }

    @Test
    void verifyJsonIsTheAnswerAsSent() throws Exception {
        GeneratedKey key = generate("document-signing", "CN=SDK Raw Signer,O=Fujie");
        byte[] document = "a document".getBytes(StandardCharsets.UTF_8);
        byte[] cms = cmsSign(key, document);
        String json = new String(trust.verifyJson(cms, "document.p7s", null, null), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{").contains("\"indication\"").contains("\"signatures\"").contains("CN=SDK Raw Signer");
    }

    private static GeneratedKey generate(String profile, String subject) {
        return ca.generate(IssueRequest.withGeneratedKey(profile, subject, "EC-P256", "sdk-secret"));
    }

    private static KeyStore store(GeneratedKey key) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(key.pkcs12()), "sdk-secret".toCharArray());
        return store;
    }

    private static PrivateKey privateKey(GeneratedKey key) throws Exception {
        KeyStore store = store(key);
        return (PrivateKey) store.getKey(store.aliases().nextElement(), "sdk-secret".toCharArray());
    }

    private static byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] cmsSign(GeneratedKey key, byte[] data) throws Exception {
        KeyStore store = store(key);
        String alias = store.aliases().nextElement();
        X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(privateKey(key)), certificate));
        generator.addCertificates(new JcaCertStore(List.of(store.getCertificateChain(alias))));
        return generator.generate(new CMSProcessableByteArray(data), true).getEncoded();
    }

}
