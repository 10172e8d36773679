package org.fujie.pki.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;

import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentSigner;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.x509.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JcaSigningKeyTests {

    private static final byte[] DATA = "统一社会信用代码 91110000XXXXXXXXXX\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RSA_2048", "EC_P256", "EC_P384", "ED25519", "SM2"})
    void newContentSignerThenOpenSslVerifiesTheSignature(KeyAlgorithm algorithm) throws Exception {
        KeyPair keyPair = algorithm.generateKeyPair();
        SigningKey key = TestCertificates.signingKey("k", algorithm, keyPair);
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("pub.pem", Pem.encode("PUBLIC KEY", key.publicKeyInfo().getEncoded()));
        openssl.write("data", DATA);
        openssl.write("sig", sign(key.newContentSigner(), DATA));
        byte[] other = DATA.clone();
        other[0] ^= 1;
        openssl.write("other", other);

        OpenSsl.Result valid = openssl.verifySignature(algorithm, "pub.pem", "data", "sig");
        OpenSsl.Result changed = openssl.verifySignature(algorithm, "pub.pem", "other", "sig");

        assertThat(valid.exitCode()).as(valid.stderr()).isZero();
        assertThat(changed.exitCode()).isNotZero();
    }

    @Test
    void newContentSignerThenAlgorithmIdentifierMatchesTheKey() {
        assertThat(algorithmOf(KeyAlgorithm.RSA_2048)).isEqualTo(PKCSObjectIdentifiers.sha256WithRSAEncryption.getId());
        assertThat(algorithmOf(KeyAlgorithm.EC_P256)).isEqualTo(X9ObjectIdentifiers.ecdsa_with_SHA256.getId());
        assertThat(algorithmOf(KeyAlgorithm.EC_P384)).isEqualTo(X9ObjectIdentifiers.ecdsa_with_SHA384.getId());
        assertThat(algorithmOf(KeyAlgorithm.ED25519)).isEqualTo(EdECObjectIdentifiers.id_Ed25519.getId());
        assertThat(algorithmOf(KeyAlgorithm.SM2)).isEqualTo(GMObjectIdentifiers.sm2sign_with_sm3.getId());
    }

    @Test
    void newContentSignerThenFreshSignerEachTime() throws Exception {
        KeyPair keyPair = KeyAlgorithm.ED25519.generateKeyPair();
        SigningKey key = TestCertificates.signingKey("k", KeyAlgorithm.ED25519, keyPair);
        ContentSigner first = key.newContentSigner();
        ContentSigner second = key.newContentSigner();
        first.getOutputStream().write("half-written".getBytes(StandardCharsets.US_ASCII));

        byte[] fromSecond = sign(second, DATA);

        assertThat(first).isNotSameAs(second);
        // Ed25519 is deterministic: the same data gives the same signature unless state leaked between signers
        assertThat(fromSecond).isEqualTo(sign(key.newContentSigner(), DATA));
    }

    @Test
    void newWhenAnyPartMissingThenRejected() {
        KeyPair keyPair = KeyAlgorithm.EC_P256.generateKeyPair();
        SubjectPublicKeyInfo spki = TestCertificates.spki(keyPair);

        assertThatNullPointerException().isThrownBy(() -> new JcaSigningKey(null, KeyAlgorithm.EC_P256, keyPair.getPrivate(), spki));
        assertThatNullPointerException().isThrownBy(() -> new JcaSigningKey("k", null, keyPair.getPrivate(), spki));
        assertThatNullPointerException().isThrownBy(() -> new JcaSigningKey("k", KeyAlgorithm.EC_P256, null, spki));
        assertThatNullPointerException().isThrownBy(() -> new JcaSigningKey("k", KeyAlgorithm.EC_P256, keyPair.getPrivate(), null));
    }

    @Test
    void toStringThenAliasAndAlgorithmOnly() {
        KeyPair keyPair = KeyAlgorithm.EC_P256.generateKeyPair();
        SigningKey key = TestCertificates.signingKey("ca-issuing", KeyAlgorithm.EC_P256, keyPair);

        assertThat(key).hasToString("JcaSigningKey[ca-issuing, EC-P256]");
        assertThat(key.alias()).isEqualTo("ca-issuing");
        assertThat(key.algorithm()).isEqualTo(KeyAlgorithm.EC_P256);
    }

    private static String algorithmOf(KeyAlgorithm algorithm) {
        return TestCertificates.signingKey("k", algorithm, algorithm.generateKeyPair())
                .newContentSigner().getAlgorithmIdentifier().getAlgorithm().getId();
    }

    static byte[] sign(ContentSigner signer, byte[] data) throws Exception {
        try (OutputStream out = signer.getOutputStream()) {
            out.write(data);
        }
        return signer.getSignature();
    }
}
