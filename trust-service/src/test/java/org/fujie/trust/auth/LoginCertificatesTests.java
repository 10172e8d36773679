package org.fujie.trust.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.Signature;

import org.bouncycastle.jcajce.provider.asymmetric.ec.BCECPublicKey;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.x509.Fingerprints;
import org.junit.jupiter.api.Test;

/** Certificates read once per PEM, with the same key object every time so Bouncy Castle keeps its tables. */
class LoginCertificatesTests {

    private static final TestCertificates.Issued ROOT = TestCertificates.root(KeyAlgorithm.EC_P384, "CN=Login Root,O=Fujie Test");
    private static final TestCertificates.Issued CA = TestCertificates.intermediate(ROOT, KeyAlgorithm.EC_P256, "CN=Login CA,O=Fujie Test");

    private final LoginCertificates certificates = new LoginCertificates(2);

    @Test
    void theSamePemGivesTheSameReadingAndKeyWhoseSignaturesVerify() throws Exception {
        TestCertificates.Issued user = TestCertificates.leaf(CA, KeyAlgorithm.EC_P256, "CN=Dana,O=Ministry of Tests");
        LoginCertificates.Presented first = certificates.read(user.pem(), CA.pem());
        LoginCertificates.Presented again = certificates.read(new String(user.pem()), new String(CA.pem()));

        assertThat(again.user()).isSameAs(first.user());
        assertThat(again.chain()).isSameAs(first.chain()).hasSize(1);
        LoginCertificates.LoginCertificate read = first.user();
        assertThat(read.subject()).isEqualTo("CN=Dana,O=Ministry of Tests");
        assertThat(read.organization()).isEqualTo("Ministry of Tests");
        assertThat(read.fingerprint()).isEqualTo(Fingerprints.sha256(user.x509().getEncoded()));
        assertThat(read.certificate()).isEqualTo(user.x509());
        assertThat(read.verifyingKey()).isInstanceOf(BCECPublicKey.class);
        assertThat(read.verifyingKey().getEncoded()).isEqualTo(user.x509().getPublicKey().getEncoded());

        Signature signer = Signature.getInstance("SHA256withECDSA", CryptoProviders.bouncyCastle());
        for (int i = 0; i < 10; i++) {  // past the uses after which Bouncy Castle precomputes for the key
            signer.initSign(user.keyPair().getPrivate());
            signer.update(("nonce " + i).getBytes(StandardCharsets.UTF_8));
            byte[] signature = signer.sign();
            assertThat(LoginSignatures.verify(certificates.read(user.pem(), CA.pem()).user().verifyingKey(), "nonce " + i, signature))
                    .isTrue();
            assertThat(LoginSignatures.verify(read.verifyingKey(), "nonce " + (i + 1), signature)).isFalse();
        }
    }

    @Test
    void withoutAChainOtherKeysAsTheyAreAndBoundedByStartingOver() {
        TestCertificates.Issued rsa = TestCertificates.leaf(CA, KeyAlgorithm.RSA_2048, "CN=Rsa User");
        TestCertificates.Issued ed = TestCertificates.leaf(CA, KeyAlgorithm.ED25519, "CN=Ed User");
        TestCertificates.Issued sm2 = TestCertificates.leaf(CA, KeyAlgorithm.SM2, "CN=Sm2 User");
        LoginCertificates.LoginCertificate rsaRead = certificates.read(rsa.pem(), null).user();
        assertThat(certificates.read(rsa.pem(), " ").chain()).isEmpty();
        assertThat(rsaRead.verifyingKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(rsaRead.organization()).isNull();
        assertThat(certificates.read(ed.pem(), null).user().verifyingKey().getAlgorithm()).isIn("Ed25519", "EdDSA");
        assertThat(certificates.read(sm2.pem(), null).user().verifyingKey()).isInstanceOf(BCECPublicKey.class);
        assertThat(certificates.read(rsa.pem(), null).user()).as("the third user started the cache over").isNotSameAs(rsaRead);
    }

    @Test
    void unreadableInputIsRefusedAndNotRemembered() {
        assertThatThrownBy(() -> certificates.read("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> certificates.read(CA.pem() + CA.pem(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found 2");
        assertThatThrownBy(() -> certificates.read(CA.pem(), "garbage")).isInstanceOf(IllegalArgumentException.class);
    }
}
