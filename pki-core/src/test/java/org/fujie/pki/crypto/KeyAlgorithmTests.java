package org.fujie.pki.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.x509.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class KeyAlgorithmTests {

    @TempDir
    Path directory;

    @ParameterizedTest
    @CsvSource({"RSA-2048, RSA_2048", "rsa-3072, RSA_3072", "RSA-4096, RSA_4096", "EC-P256, EC_P256", "ec-p384, EC_P384",
            "Ed25519, ED25519", "ED25519, ED25519", "SM2, SM2", "sm2, SM2"})
    void fromIdWhenKnownThenAlgorithmIgnoringCase(String id, KeyAlgorithm expected) {
        assertThat(KeyAlgorithm.fromId(id)).contains(expected);
    }

    @Test
    void fromIdWhenUnknownThenEmpty() {
        assertThat(KeyAlgorithm.fromId("RSA-1024")).isEmpty();
        assertThat(KeyAlgorithm.fromId("EC-P521")).isEmpty();
        assertThat(KeyAlgorithm.fromId("EC_P256")).isEmpty();
        assertThat(KeyAlgorithm.fromId("")).isEmpty();
        assertThat(KeyAlgorithm.fromId(null)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RSA_2048", "RSA_3072", "EC_P256", "EC_P384", "ED25519", "SM2"})
    void ofWhenOpenSslKeyThenRecognised(KeyAlgorithm algorithm) {
        OpenSsl openssl = new OpenSsl(directory);
        openssl.generateKey("k.pem", OpenSsl.genpkeyOptions(algorithm));
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(
                Pem.decode(openssl.publicKeyOfPrivateKey("k.pem"), "PUBLIC KEY"));

        assertThat(KeyAlgorithm.of(spki)).contains(algorithm);
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RSA_2048", "EC_P256", "EC_P384", "ED25519", "SM2"})
    void generateKeyPairThenOpenSslReadsTheKeyOfThatAlgorithm(KeyAlgorithm algorithm) {
        KeyPair keyPair = algorithm.generateKeyPair();
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded());
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("pub.pem", Pem.encode("PUBLIC KEY", keyPair.getPublic().getEncoded()));

        String text = openssl.run("pkey", "-pubin", "-in", "pub.pem", "-noout", "-text");

        assertThat(KeyAlgorithm.of(spki)).contains(algorithm);
        assertThat(text).contains(switch (algorithm) {
            case RSA_2048 -> "Public-Key: (2048 bit)";
            case EC_P256 -> "NIST CURVE: P-256";
            case EC_P384 -> "NIST CURVE: P-384";
            case ED25519 -> "ED25519 Public-Key";
            case SM2 -> "ASN1 OID: SM2";
            default -> throw new IllegalArgumentException();
        });
    }

    @Test
    void generateKeyPairWhenRsa4096ThenRecognised() {
        KeyPair keyPair = KeyAlgorithm.RSA_4096.generateKeyPair();

        assertThat(KeyAlgorithm.of(SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded())))
                .contains(KeyAlgorithm.RSA_4096);
    }

    @Test
    void ofWhenUnsupportedKeyThenEmpty() {
        OpenSsl openssl = new OpenSsl(directory);
        String[][] unsupported = {
                {"-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"},
                {"-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2047"},
                {"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp256k1"},
                {"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521"},
                {"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-pkeyopt", "ec_param_enc:explicit"},
                {"-algorithm", "ED448"},
                {"-algorithm", "X25519"},
                {"-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048"}};

        for (String[] options : unsupported) {
            openssl.generateKey("k.pem", options);
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(
                    Pem.decode(openssl.publicKeyOfPrivateKey("k.pem"), "PUBLIC KEY"));
            assertThat(KeyAlgorithm.of(spki)).as(Arrays.toString(options)).isEmpty();
        }
    }

    @Test
    void ofWhenKeyDataMalformedThenEmpty() {
        SubjectPublicKeyInfo brokenRsa = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                new byte[] {1, 2, 3});
        SubjectPublicKeyInfo ecWithoutCurve = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey), new byte[] {4, 1, 2});

        assertThat(KeyAlgorithm.of(brokenRsa)).isEmpty();
        assertThat(KeyAlgorithm.of(ecWithoutCurve)).isEmpty();
    }

    @Test
    void providerThenBouncyCastleForEcEdAndSm2AndTheJdkForRsa() {
        assertThat(KeyAlgorithm.RSA_2048.provider()).isNull();
        assertThat(KeyAlgorithm.RSA_2048.generateKeyPair().getPrivate().getClass().getName()).startsWith("sun.");
        for (KeyAlgorithm algorithm : new KeyAlgorithm[] {KeyAlgorithm.EC_P256, KeyAlgorithm.EC_P384, KeyAlgorithm.ED25519,
                KeyAlgorithm.SM2}) {
            assertThat(algorithm.provider()).isEqualTo(CryptoProviders.BC);
            assertThat(algorithm.generateKeyPair().getPrivate().getClass().getName()).startsWith("org.bouncycastle.");
        }
        assertThat(Arrays.stream(KeyAlgorithm.values()).filter(KeyAlgorithm::isRsa))
                .containsExactly(KeyAlgorithm.RSA_2048, KeyAlgorithm.RSA_3072, KeyAlgorithm.RSA_4096);
    }

    @Test
    void generateKeyPairThenDifferentKeysEachTime() {
        assertThat(KeyAlgorithm.EC_P256.generateKeyPair().getPublic())
                .isNotEqualTo(KeyAlgorithm.EC_P256.generateKeyPair().getPublic());
    }
}
