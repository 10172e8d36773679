package org.fujie.pki.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.ocsp.OcspAnswer;
import org.fujie.pki.ocsp.OcspResponseSigner;
import org.fujie.pki.revocation.CrlTemplate;
import org.fujie.pki.x509.CertificateSigner;
import org.fujie.pki.x509.Pem;
import org.fujie.pki.x509.SubjectNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keys generated in a SoftHSM2 token sign there, stay there (not extractable) and are found again after a restart. */
class Pkcs11KeyBackendTests {

    private static SoftHsm.Token token;
    private static SoftHsm.Token neverLoggedIn;
    private static Pkcs11KeyBackend backend;

    @BeforeAll
    static void token() throws Exception {
        token = SoftHsm.newToken();
        // PKCS#11 logs an application in per token, not per session: a wrong PIN shows only on a token not yet logged in.
        neverLoggedIn = SoftHsm.newToken();
        backend = Pkcs11KeyBackend.open(SoftHsm.LIBRARY, token.slot(), SoftHsm.PIN.toCharArray());
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "EC_P384", "RSA_2048"})
    void generateThenSignaturesVerifyWithThePublicKeyAndThePrivateKeyCannotBeRead(KeyAlgorithm algorithm) throws Exception {
        String alias = "key-" + algorithm.id().toLowerCase();
        SigningKey key = backend.generate(alias, algorithm);
        assertThat(backend.contains(alias)).isTrue();
        assertThat(key.algorithm()).isEqualTo(algorithm);

        byte[] data = "to be signed in the token".getBytes(StandardCharsets.UTF_8);
        ContentSigner signer = key.newContentSigner();
        try (OutputStream out = signer.getOutputStream()) {
            out.write(data);
        }
        byte[] signature = signer.getSignature();
        PublicKey publicKey = KeyFactory.getInstance(algorithm.isRsa() ? "RSA" : "EC")
                .generatePublic(new X509EncodedKeySpec(key.publicKeyInfo().getEncoded()));
        Signature verifier = Signature.getInstance(algorithm.signatureAlgorithm());  // the JDK's, not the token's
        verifier.initVerify(publicKey);
        verifier.update(data);
        assertThat(verifier.verify(signature)).isTrue();

        java.security.PrivateKey inToken = (java.security.PrivateKey) privateKeyOf(key);
        assertThat(inToken.getEncoded()).as("sensitive, not extractable: no encoding leaves the token").isNull();
        assertThat(key.toString()).doesNotContain("PRIVATE").contains(alias);
    }

    @Test
    void aKeyIsFoundAgainByANewSessionAndAnAliasIsNotTakenTwice() {
        SigningKey made = backend.generate("kept-key", KeyAlgorithm.EC_P256);
        Pkcs11KeyBackend reopened = Pkcs11KeyBackend.open(SoftHsm.LIBRARY, token.slot(), SoftHsm.PIN.toCharArray());
        SigningKey found = reopened.get("kept-key");
        assertThat(found.publicKeyInfo()).isEqualTo(made.publicKeyInfo());
        assertThat(found.algorithm()).isEqualTo(KeyAlgorithm.EC_P256);
        assertThatThrownBy(() -> reopened.generate("kept-key", KeyAlgorithm.EC_P256)).isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("exists");
        assertThatThrownBy(() -> reopened.get("no-such-key")).isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("no key no-such-key");
    }

    @Test
    void openByLabelWhenTokenLabelledSoThenItsSlotIsUsedAndAnUnknownLabelListsTheTokens() {
        SigningKey made = backend.generate("labelled-key", KeyAlgorithm.EC_P256);

        Pkcs11KeyBackend byLabel = Pkcs11KeyBackend.openByLabel(SoftHsm.LIBRARY, token.label(), SoftHsm.PIN.toCharArray());

        assertThat(byLabel.get("labelled-key").publicKeyInfo()).isEqualTo(made.publicKeyInfo());
        assertThatThrownBy(() -> Pkcs11KeyBackend.openByLabel(SoftHsm.LIBRARY, "no-such-token", SoftHsm.PIN.toCharArray()))
                .isInstanceOf(KeyBackendException.class).hasMessageContaining("no token labelled 'no-such-token'")
                .hasMessageContaining(token.label());
    }

    @Test
    void wrongPinUnknownSlotMissingLibraryAndUnsupportedAlgorithmsAreClearErrorsWithoutThePin() {
        assertThatThrownBy(() -> Pkcs11KeyBackend.open(SoftHsm.LIBRARY, neverLoggedIn.slot(), "wrong-pin-0000".toCharArray()))
                .isInstanceOf(KeyBackendException.class).hasMessageContaining("cannot log in")
                .hasMessageNotContaining("wrong-pin-0000");
        assertThatThrownBy(() -> Pkcs11KeyBackend.open(SoftHsm.LIBRARY, 999_999_999L, SoftHsm.PIN.toCharArray()))
                .isInstanceOf(KeyBackendException.class).hasMessageContaining("slot 999999999");
        assertThatThrownBy(() -> Pkcs11KeyBackend.open(java.nio.file.Path.of("/nonexistent/libp11.so"), 0, SoftHsm.PIN.toCharArray()))
                .isInstanceOf(KeyBackendException.class).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> backend.generate("an-sm2-key", KeyAlgorithm.SM2)).isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("not supported");
        assertThatThrownBy(() -> backend.generate("../escape", KeyAlgorithm.EC_P256)).isInstanceOf(KeyBackendException.class)
                .hasMessageContaining("invalid key alias");
    }

    /**
     * A CA whose key is in the token: its certificate, a certificate it issues, its CRL and an OCSP response it signs,
     * each judged by openssl. (In one class with the others: SoftHSM2 sees only tokens made before it starts.)
     */
    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"EC_P256", "RSA_2048"})
    void aCaKeyInTheTokenSignsCertificatesCrlsAndOcspResponsesThatOpensslVerifies(KeyAlgorithm algorithm, @TempDir Path dir)
            throws Exception {
        SigningKey caKey = backend.generate("ca-" + algorithm.id().toLowerCase(), algorithm);
        X500Name caName = SubjectNames.parse("CN=Token CA " + algorithm.id() + ",O=Fujie Test");
        X509CertificateHolder ca = CertificateSigner.selfSigned(caName, caKey)
                .sign(TestCertificates.template(caName, caKey.publicKeyInfo(), TestCertificates.caExtensions()));
        KeyPair userKeys = KeyAlgorithm.EC_P256.generateKeyPair();
        X509CertificateHolder user = CertificateSigner.forIssuer(ca, caKey).sign(TestCertificates.template(
                SubjectNames.parse("CN=Token User,O=Fujie Test"), TestCertificates.spki(userKeys), TestCertificates.leafExtensions()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X509CRLHolder crl = CertificateSigner.forIssuer(ca, caKey).crlSigner().sign(new CrlTemplate(BigInteger.ONE, now,
                now.plus(Duration.ofDays(1)), null, null, null, List.of(new CrlTemplate.Entry(BigInteger.TEN, now, null, null))));
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1), ca,
                user.getSerialNumber());
        byte[] ocsp = new OcspResponseSigner(caKey, ca).sign(List.of(OcspAnswer.good(id, now, now.plus(Duration.ofHours(1)))),
                null, Date.from(now));

        OpenSsl openssl = new OpenSsl(dir);
        openssl.write("ca.pem", Pem.certificate(ca.getEncoded()));
        openssl.write("user.pem", Pem.certificate(user.getEncoded()));
        openssl.write("crl.pem", Pem.encode("X509 CRL", crl.getEncoded()));
        openssl.write("ocsp.der", ocsp);
        assertThat(openssl.run("verify", "-x509_strict", "-CAfile", "ca.pem", "user.pem")).contains("user.pem: OK");
        assertThat(openssl.runForResult("crl", "-in", "crl.pem", "-CAfile", "ca.pem", "-noout").stderr()).contains("verify OK");
        OpenSsl.Result status = openssl.runForResult("ocsp", "-respin", "ocsp.der", "-CAfile", "ca.pem", "-issuer", "ca.pem",
                "-cert", "user.pem");
        assertThat(status.stdout() + status.stderr()).contains("Response verify OK").contains("user.pem: good");
    }

    private static Object privateKeyOf(SigningKey key) throws Exception {
        java.lang.reflect.Field field = JcaSigningKey.class.getDeclaredField("privateKey");
        field.setAccessible(true);
        return field.get(key);
    }
}
