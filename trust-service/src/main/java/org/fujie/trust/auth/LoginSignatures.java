package org.fujie.trust.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.jcajce.provider.asymmetric.ec.BCECPublicKey;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.crypto.Sm2;

/**
 * Checks the user's signature over the challenge nonce (CONTRACT.md): SHA-256 with RSA (PKCS#1 v1.5) or ECDSA,
 * SM3 with SM2 under Fujie's SM2 user ID, plain Ed25519. An ECDSA signature may come DER-encoded (OpenSSL, Java,
 * smart-card middleware) or as r||s (WebCrypto in a browser, PKCS#11 tokens).
 */
final class LoginSignatures {

    private LoginSignatures() {
    }

    /**
     * The key to verify with: EC keys as Bouncy Castle keys, so that a key kept and used again keeps Bouncy Castle's
     * precomputed tables (a JDK key would be converted, and its tables lost, on every check).
     */
    static PublicKey verifyingKey(PublicKey certificateKey) {
        if (!(certificateKey instanceof ECPublicKey) || certificateKey instanceof BCECPublicKey) {
            return certificateKey;
        }
        try {
            return KeyFactory.getInstance("EC", CryptoProviders.bouncyCastle())
                    .generatePublic(new X509EncodedKeySpec(certificateKey.getEncoded()));
        } catch (GeneralSecurityException e) {
            return certificateKey;
        }
    }

    static boolean verify(PublicKey key, String nonce, byte[] signature) {
        byte[] signed = nonce.getBytes(StandardCharsets.UTF_8);
        try {
            Signature verifier = verifierFor(key, signature);
            if (verifier == null) {
                return false;
            }
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A malformed signature is a failed log-in, not an error.
            return false;
        }
    }

    private static Signature verifierFor(PublicKey key, byte[] signature) throws GeneralSecurityException {
        if (Sm2.isSm2(key)) {
            return Sm2.verifying(key);
        }
        Signature verifier = switch (key.getAlgorithm()) {
            case "RSA" -> Signature.getInstance("SHA256withRSA");
            case "EC", "ECDSA" -> Signature.getInstance(isDer(signature) ? "SHA256withECDSA" : plainEcdsa(key, signature),
                    CryptoProviders.bouncyCastle());
            case "Ed25519", "EdDSA" -> Signature.getInstance("Ed25519", CryptoProviders.bouncyCastle());
            default -> null;
        };
        if (verifier != null) {
            verifier.initVerify(key);
        }
        return verifier;
    }

    /** r||s is exactly twice the field size; anything else goes to the DER verifier, which refuses it. */
    private static String plainEcdsa(PublicKey key, byte[] signature) {
        int fieldBytes = (((ECPublicKey) key).getParams().getCurve().getField().getFieldSize() + 7) / 8;
        return signature.length == 2 * fieldBytes ? "SHA256withPLAIN-ECDSA" : "SHA256withECDSA";
    }

    private static boolean isDer(byte[] signature) {
        if (signature.length < 8 || signature[0] != 0x30) {
            return false;
        }
        try {
            return ASN1Primitive.fromByteArray(signature) instanceof ASN1Sequence sequence && sequence.size() == 2;
        } catch (Exception e) {
            return false;
        }
    }
}
