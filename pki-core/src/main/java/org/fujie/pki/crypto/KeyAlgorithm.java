package org.fujie.pki.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;

/**
 * The key algorithms Fujie issues for, with the signature algorithm and the JCA provider each one
 * uses. Providers are chosen by measurement on the target machines (see shared/FACTS.md): Bouncy
 * Castle signs EC, SM2 and Ed25519 several times faster than the JDK; RSA stays with the JDK.
 */
public enum KeyAlgorithm {
    RSA_2048("RSA-2048", "RSA", 2048, null, "SHA256withRSA", null),
    RSA_3072("RSA-3072", "RSA", 3072, null, "SHA256withRSA", null),
    RSA_4096("RSA-4096", "RSA", 4096, null, "SHA256withRSA", null),
    EC_P256("EC-P256", "EC", 256, "secp256r1", "SHA256withECDSA", CryptoProviders.BC),
    EC_P384("EC-P384", "EC", 384, "secp384r1", "SHA384withECDSA", CryptoProviders.BC),
    ED25519("Ed25519", "Ed25519", 256, null, "Ed25519", CryptoProviders.BC),
    SM2("SM2", "EC", 256, "sm2p256v1", "SM3withSM2", CryptoProviders.BC);

    private final String id;
    private final String jcaKeyType;
    private final int bits;
    private final String curve;
    private final String signatureAlgorithm;
    private final String provider;

    KeyAlgorithm(String id, String jcaKeyType, int bits, String curve, String signatureAlgorithm, String provider) {
        this.id = id;
        this.jcaKeyType = jcaKeyType;
        this.bits = bits;
        this.curve = curve;
        this.signatureAlgorithm = signatureAlgorithm;
        this.provider = provider;
    }

    /** The name used in the API and configuration, e.g. {@code EC-P256}. */
    public String id() {
        return id;
    }

    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** The JCA provider name to use for keys and signatures of this algorithm, or null for the JDK default. */
    public String provider() {
        return provider;
    }

    public boolean isRsa() {
        return jcaKeyType.equals("RSA");
    }

    public static Optional<KeyAlgorithm> fromId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equalsIgnoreCase(id)).findFirst();
    }

    public KeyPair generateKeyPair() {
        return generateKeyPair(provider == null ? null : CryptoProviders.bouncyCastle());
    }

    /** A key pair made by the given provider (a PKCS#11 token's, say), or by the JDK's default for null. */
    public KeyPair generateKeyPair(Provider maker) {
        try {
            KeyPairGenerator generator = maker == null
                    ? KeyPairGenerator.getInstance(jcaKeyType)
                    : KeyPairGenerator.getInstance(jcaKeyType, maker);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve), new SecureRandom());
            } else if (isRsa()) {
                generator.initialize(bits, new SecureRandom());
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + id + " key pair", e);
        }
    }

    /**
     * Recognises the algorithm of a public key, or empty when Fujie does not support it (other RSA
     * sizes, other curves).
     */
    public static Optional<KeyAlgorithm> of(SubjectPublicKeyInfo spki) {
        ASN1ObjectIdentifier oid = spki.getAlgorithm().getAlgorithm();
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            try {
                int modulusBits = RSAPublicKey.getInstance(spki.parsePublicKey()).getModulus().bitLength();
                return Arrays.stream(values()).filter(a -> a.isRsa() && a.bits == modulusBits).findFirst();
            } catch (Exception e) {
                return Optional.empty();
            }
        }
        if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
            return Optional.of(ED25519);
        }
        if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey) || oid.equals(GMObjectIdentifiers.sm2p256v1)) {
            if (spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier namedCurve) {
                if (namedCurve.equals(X9ObjectIdentifiers.prime256v1)) {
                    return Optional.of(EC_P256);
                }
                if (namedCurve.equals(SECObjectIdentifiers.secp384r1)) {
                    return Optional.of(EC_P384);
                }
                if (namedCurve.equals(GMObjectIdentifiers.sm2p256v1)) {
                    return Optional.of(SM2);
                }
            }
        }
        return Optional.empty();
    }
}
