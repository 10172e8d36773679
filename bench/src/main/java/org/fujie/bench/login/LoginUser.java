package org.fujie.bench.login;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.fujie.bench.ocsp.FlatJson;
import org.fujie.pki.crypto.CryptoProviders;

/**
 * A user-auth certificate issued by ca-service with a key it generated, and that key, kept in memory; answers log-in
 * challenges as CONTRACT.md says a user's software does: SHA256withECDSA over the UTF-8 bytes of the nonce, base64.
 */
record LoginUser(String subject, String serial, String certificatePem, String chainPem, PrivateKey key,
        List<X509Certificate> certificates) {

    private static final ThreadLocal<Signature> SIGNERS = ThreadLocal.withInitial(() -> {
        try {
            return Signature.getInstance("SHA256withECDSA", CryptoProviders.bouncyCastle());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    /** From ca-service's answer to an issuance with {@code keyGeneration} (the PKCS#12 under {@code password}). */
    static LoginUser of(Map<String, String> issued, String password) throws Exception {
        String pkcs12 = FlatJson.require(issued, "pkcs12", "the issuance answer");
        KeyStore store = KeyStore.getInstance("PKCS12", CryptoProviders.bouncyCastle());
        store.load(new ByteArrayInputStream(Base64.getDecoder().decode(pkcs12)), password.toCharArray());
        PrivateKey key = null;
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                key = (PrivateKey) store.getKey(alias, password.toCharArray());
            }
        }
        if (key == null) {
            throw new IllegalStateException("no private key in the PKCS#12 of " + issued.get("subject"));
        }
        String certificatePem = FlatJson.require(issued, "certificatePem", "the issuance answer");
        String chainPem = FlatJson.require(issued, "chainPem", "the issuance answer");
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (String pem : List.of(certificatePem, chainPem)) {
            for (var certificate : factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                certificates.add((X509Certificate) certificate);
            }
        }
        return new LoginUser(FlatJson.require(issued, "subject", "the issuance answer"),
                FlatJson.require(issued, "serialNumber", "the issuance answer"), certificatePem, chainPem, key, List.copyOf(certificates));
    }

    /** The user's certificate (the first of {@link #certificates()}, the chain follows). */
    X509Certificate certificate() {
        return certificates.get(0);
    }

    /** The signature over the nonce's UTF-8 bytes, base64 (DER-encoded ECDSA, as a JCA or PKCS#11 signer makes it). */
    String sign(String nonce) throws GeneralSecurityException {
        Signature signer = SIGNERS.get();
        signer.initSign(key);
        signer.update(nonce.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    byte[] tokenRequest(String challengeId, String signature) {
        return ("{\"challengeId\":\"" + challengeId + "\",\"certificatePem\":\"" + json(certificatePem) + "\",\"chainPem\":\""
                + json(chainPem) + "\",\"signature\":\"" + signature + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    byte[] validationRequest() {
        return ("{\"certificatePem\":\"" + json(certificatePem) + "\",\"chainPem\":\"" + json(chainPem)
                + "\",\"purpose\":\"TLS_CLIENT\"}").getBytes(StandardCharsets.UTF_8);
    }

    /** PEM as a JSON string's content: base64, dashes, spaces and line breaks are all it holds. */
    private static String json(String pem) {
        return pem.replace("\r", "").replace("\n", "\\n");
    }
}
