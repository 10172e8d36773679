package org.fujie.trust;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;

import org.fujie.ca.support.FujieTestClient;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.crypto.Sm2;

/** Users with certificates from the real ca-service, who answer log-in challenges as CONTRACT.md says they sign. */
final class LoginUsers {

    static final String PASSWORD = "user password";

    /** A user certificate and its key, as a USB key or software store would hold them. */
    record User(String subject, String serial, String certificatePem, String chainPem, byte[] pkcs12, PrivateKey key,
            String algorithm) {

        /** The signature CONTRACT.md asks for over the UTF-8 bytes of the nonce, base64. */
        String sign(String nonce) {
            try {
                Signature signer = switch (algorithm) {
                    case "SM2" -> Sm2.signing(key);
                    case "Ed25519" -> Signature.getInstance("Ed25519", CryptoProviders.bouncyCastle());
                    case "RSA-2048", "RSA-3072" -> Signature.getInstance("SHA256withRSA");
                    default -> Signature.getInstance("SHA256withECDSA", CryptoProviders.bouncyCastle());
                };
                if (!algorithm.equals("SM2")) {
                    signer.initSign(key);
                }
                signer.update(nonce.getBytes(StandardCharsets.UTF_8));
                return Base64.getEncoder().encodeToString(signer.sign());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        Map<String, Object> answer(String challengeId, String signature) {
            return Map.of("challengeId", challengeId, "certificatePem", certificatePem, "chainPem", chainPem, "signature", signature);
        }
    }

    private LoginUsers() {
    }

    /** Issued by ca-service with server-side key generation. */
    static User issue(FujieTestClient caAdmin, String subject, String profile, String algorithm) {
        FujieTestClient.Response issued = caAdmin.post("/api/v1/certificates", Map.of("profile", profile, "subject", subject,
                "keyGeneration", Map.of("algorithm", algorithm, "password", PASSWORD)));
        if (issued.status() != 201) {
            throw new IllegalStateException("ca-service did not issue " + subject + ": " + issued.body());
        }
        byte[] p12 = Base64.getDecoder().decode(issued.json().get("pkcs12").asString());
        try {
            KeyStore store = KeyStore.getInstance("PKCS12", CryptoProviders.bouncyCastle());
            store.load(new ByteArrayInputStream(p12), PASSWORD.toCharArray());
            PrivateKey key = null;
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    key = (PrivateKey) store.getKey(alias, PASSWORD.toCharArray());
                }
            }
            return new User(issued.json().get("subject").asString(), issued.json().get("serialNumber").asString(),
                    issued.json().get("certificatePem").asString(), issued.json().get("chainPem").asString(), p12, key, algorithm);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
