package org.fujie.pki.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.ContentSigner;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.Sm2Check;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.TestCertificates.Issued;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Every SM2 signature carries the deployment's user ID: certificates signed with a configured ID verify in OpenSSL only
 * with that distid, and in Bouncy Castle's low-level SM2Signer (Sm2Check, not the JCA path under test) only with that ID.
 */
@Isolated // changes the JVM-wide SM2 user ID: no other test class may sign or verify SM2 meanwhile
class Sm2Tests {

    private static final String MINISTRY_ID = "fujie-ministry-01";

    @TempDir
    Path directory;

    @AfterEach
    void restoreTheDefault() {
        Sm2.useUserId(Sm2.DEFAULT_USER_ID);
    }

    @Test
    void signWithTheDefaultIdThenOpenSslNeedsThatDistid() {
        Issued root = TestCertificates.root(KeyAlgorithm.SM2, "CN=SM2 Root,O=Fujie,C=CN");
        Issued leaf = TestCertificates.leaf(root, KeyAlgorithm.SM2, "CN=leaf,O=Fujie,C=CN");
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("root.pem", root.pem());
        openssl.write("leaf.pem", leaf.pem());

        assertThat(leaf.certificate().getSignatureAlgorithm().getAlgorithm()).isEqualTo(GMObjectIdentifiers.sm2sign_with_sm3);
        assertThat(leaf.certificate().getSignatureAlgorithm().getParameters()).isNull();
        assertThat(openssl.run("verify", "-vfyopt", "distid:" + Sm2.DEFAULT_USER_ID, "-CAfile", "root.pem", "leaf.pem"))
                .contains("leaf.pem: OK");
        // OpenSSL 3.0 uses no ID unless told (shared/FACTS.md): the ID is really in the signature
        assertThat(openssl.execute("verify", "-CAfile", "root.pem", "leaf.pem").exitCode()).isNotZero();
    }

    @Test
    void signWithAConfiguredIdThenOnlyThatIdVerifies() throws Exception {
        Sm2.useUserId(MINISTRY_ID);
        Issued root = TestCertificates.root(KeyAlgorithm.SM2, "CN=SM2 Root,O=Fujie,C=CN");
        Issued leaf = TestCertificates.leaf(root, KeyAlgorithm.SM2, "CN=leaf,O=Fujie,C=CN");
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("root.pem", root.pem());
        openssl.write("leaf.pem", leaf.pem());

        assertThat(openssl.run("verify", "-vfyopt", "distid:" + MINISTRY_ID, "-CAfile", "root.pem", "leaf.pem"))
                .contains("leaf.pem: OK");
        assertThat(openssl.execute("verify", "-vfyopt", "distid:" + Sm2.DEFAULT_USER_ID, "-CAfile", "root.pem", "leaf.pem")
                .exitCode()).isNotZero();
        assertThat(lowLevelVerify(leaf.certificate(), root.certificate(), MINISTRY_ID)).isTrue();
        assertThat(lowLevelVerify(leaf.certificate(), root.certificate(), Sm2.DEFAULT_USER_ID)).isFalse();
        assertThat(Verifiers.signedBy(x509(leaf.certificate()), x509(root.certificate()).getPublicKey())).isTrue();

        Sm2.useUserId(Sm2.DEFAULT_USER_ID);
        assertThat(Verifiers.signedBy(x509(leaf.certificate()), x509(root.certificate()).getPublicKey())).isFalse();
    }

    @Test
    void aContentSignerSignsOnceWithTheId() throws Exception {
        Issued root = TestCertificates.root(KeyAlgorithm.SM2, "CN=SM2 Root");
        byte[] data = "符节".getBytes(StandardCharsets.UTF_8);
        ContentSigner signer = root.signingKey().newContentSigner();
        try (OutputStream out = signer.getOutputStream()) {
            out.write(data);
        }
        byte[] signature = signer.getSignature();

        assertThat(Sm2Check.verifies(data, signature, root.certificate().getSubjectPublicKeyInfo(), Sm2.DEFAULT_USER_ID)).isTrue();
    }

    @Test
    void anIdThatCannotBeEncodedIsRefused() {
        assertThatThrownBy(() -> Sm2.useUserId("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sm2.useUserId("x".repeat(8192))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Sm2.userId()).isEqualTo(Sm2.DEFAULT_USER_ID);
    }

    private static boolean lowLevelVerify(X509CertificateHolder certificate, X509CertificateHolder issuer, String id)
            throws Exception {
        byte[] tbs = certificate.toASN1Structure().getTBSCertificate().getEncoded(ASN1Encoding.DER);
        return Sm2Check.verifies(tbs, certificate.getSignature(), issuer.getSubjectPublicKeyInfo(), id);
    }

    private static java.security.cert.X509Certificate x509(X509CertificateHolder holder) throws Exception {
        return new JcaX509CertificateConverter().setProvider(CryptoProviders.bouncyCastle()).getCertificate(holder);
    }
}
