package org.fujie.pki.x509;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.JcaSigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateSignerTests {

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RSA_2048", "EC_P256", "EC_P384", "ED25519", "SM2"})
    void signWhenRootAndLeafThenOpenSslVerifiesThem(KeyAlgorithm algorithm) {
        Issued root = TestCertificates.root(algorithm, "CN=Fujie Test Root " + algorithm.id() + ",O=Fujie,C=CN");
        Issued leaf = TestCertificates.leaf(root, algorithm, "CN=leaf.example.com,O=Fujie,C=CN");
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("root.pem", root.pem());
        openssl.write("leaf.pem", leaf.pem());

        assertThat(verify(openssl, algorithm, "-CAfile", "root.pem", "root.pem")).contains("root.pem: OK");
        assertThat(verify(openssl, algorithm, "-CAfile", "root.pem", "leaf.pem")).contains("leaf.pem: OK");
        String text = openssl.run("x509", "-in", "leaf.pem", "-noout", "-text");
        assertThat(text).contains("Signature Algorithm: " + openSslSignatureName(algorithm));
    }

    @Test
    void signWhenChainOfMixedAlgorithmsThenOpenSslVerifiesIt() {
        Issued root = TestCertificates.root(KeyAlgorithm.RSA_2048, "CN=Root,O=Fujie");
        Issued issuing = TestCertificates.intermediate(root, KeyAlgorithm.EC_P384, "CN=Issuing,O=Fujie");
        Issued leaf = TestCertificates.leaf(issuing, KeyAlgorithm.ED25519, "CN=leaf,O=Fujie");
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("root.pem", root.pem());
        openssl.write("issuing.pem", issuing.pem());
        openssl.write("leaf.pem", leaf.pem());

        assertThat(openssl.run("verify", "-CAfile", "root.pem", "-untrusted", "issuing.pem", "leaf.pem"))
                .contains("leaf.pem: OK");
        assertThat(ski(openssl, "issuing.pem")).isEqualTo(aki(openssl, "leaf.pem"));
        assertThat(ski(openssl, "root.pem")).isEqualTo(aki(openssl, "issuing.pem"));
    }

    @Test
    void signWhenKeyIsNotTheIssuersThenOpenSslRejectsTheSignature() {
        // The negative control: a certificate naming the root as issuer but signed with another key.
        Issued root = TestCertificates.root(KeyAlgorithm.EC_P256, "CN=Root");
        Issued impostor = TestCertificates.root(KeyAlgorithm.EC_P256, "CN=Root");
        X509CertificateHolder forged = CertificateSigner.forIssuer(root.certificate(), impostor.signingKey())
                .sign(TestCertificates.template(SubjectNames.parse("CN=forged"),
                        TestCertificates.spki(KeyAlgorithm.EC_P256.generateKeyPair()), TestCertificates.leafExtensions()));
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("root.pem", root.pem());
        openssl.write("forged.pem", Pem.certificate(encoded(forged)));

        OpenSsl.Result result = openssl.execute("verify", "-CAfile", "root.pem", "forged.pem");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stdout() + result.stderr()).contains("certificate signature failure");
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RSA_2048", "EC_P256", "ED25519", "SM2"})
    void signThenKeyIdentifiersAreThoseOpenSslComputes(KeyAlgorithm algorithm) {
        Issued root = TestCertificates.root(algorithm, "CN=Root");
        Issued leaf = TestCertificates.leaf(root, algorithm, "CN=leaf");
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("root.pem", root.pem());
        openssl.write("leaf.pem", leaf.pem());
        openssl.write("leaf.key", TestCertificates.privateKeyPem(leaf.keyPair().getPrivate()));
        openssl.write("root.key", TestCertificates.privateKeyPem(root.keyPair().getPrivate()));
        // OpenSSL's req -x509 adds subjectKeyIdentifier=hash (RFC 5280 method 1) by default
        openssl.run("req", "-x509", "-new", "-key", "leaf.key", "-subj", "/CN=reference", "-days", "1", "-out", "leaf-ref.pem");
        openssl.run("req", "-x509", "-new", "-key", "root.key", "-subj", "/CN=reference", "-days", "1", "-out", "root-ref.pem");

        assertThat(ski(openssl, "leaf.pem")).isEqualTo(ski(openssl, "leaf-ref.pem")).hasSize(59);
        assertThat(ski(openssl, "root.pem")).isEqualTo(ski(openssl, "root-ref.pem"));
        assertThat(aki(openssl, "root.pem")).isEqualTo(ski(openssl, "root.pem"));
        assertThat(aki(openssl, "leaf.pem")).isEqualTo(ski(openssl, "root.pem"));
        assertThat(CertificateSigner.keyIdentifier(leaf.signingKey().publicKeyInfo()))
                .isEqualTo(hex(ski(openssl, "leaf-ref.pem")));
    }

    @Test
    void forIssuerWhenIssuerHasNoSkiThenAkiIsTheIssuerKeyHash() throws Exception {
        OpenSsl openssl = new OpenSsl(directory);
        openssl.generateKey("root.key", OpenSsl.genpkeyOptions(KeyAlgorithm.EC_P256));
        openssl.run("req", "-x509", "-new", "-key", "root.key", "-subj", "/CN=Root without SKI", "-days", "1",
                "-addext", "subjectKeyIdentifier=none", "-addext", "authorityKeyIdentifier=none",
                "-addext", "basicConstraints=critical,CA:true", "-addext", "keyUsage=critical,keyCertSign",
                "-out", "root.pem");
        openssl.run("req", "-x509", "-new", "-key", "root.key", "-subj", "/CN=reference", "-days", "1", "-out", "ref.pem");
        assertThat(openssl.run("x509", "-in", "root.pem", "-noout", "-text")).doesNotContain("Subject Key Identifier");

        Issued leaf = issueUnderOpenSslRoot(openssl, KeyAlgorithm.EC_P256);

        assertThat(aki(openssl, "leaf.pem")).isEqualTo(ski(openssl, "ref.pem"));
        assertThat(openssl.run("verify", "-CAfile", "root.pem", "leaf.pem")).contains("leaf.pem: OK");
        assertThat(leaf.certificate().getIssuer()).isEqualTo(
                new X509CertificateHolder(Pem.decode(openssl.read("root.pem"), "CERTIFICATE")).getSubject());
    }

    @Test
    void forIssuerWhenIssuerHasOwnSkiThenAkiCopiesIt() throws Exception {
        OpenSsl openssl = new OpenSsl(directory);
        openssl.generateKey("root.key", OpenSsl.genpkeyOptions(KeyAlgorithm.EC_P256));
        openssl.run("req", "-x509", "-new", "-key", "root.key", "-subj", "/CN=Root with its own SKI", "-days", "1",
                "-addext", "subjectKeyIdentifier=01:02:03:04:05:06:07:08", "-addext", "authorityKeyIdentifier=none",
                "-addext", "basicConstraints=critical,CA:true", "-addext", "keyUsage=critical,keyCertSign",
                "-out", "root.pem");

        issueUnderOpenSslRoot(openssl, KeyAlgorithm.EC_P256);

        assertThat(aki(openssl, "leaf.pem")).isEqualTo("01:02:03:04:05:06:07:08");
        assertThat(openssl.run("verify", "-CAfile", "root.pem", "leaf.pem")).contains("leaf.pem: OK");
    }

    @Test
    void signThenTemplateIsCopiedExactly() {
        Issued root = TestCertificates.root(KeyAlgorithm.EC_P256, "CN=Root,O=Fujie");
        SubjectPublicKeyInfo leafKey = TestCertificates.spki(KeyAlgorithm.EC_P256.generateKeyPair());
        BigInteger serial = SerialNumbers.next();
        Instant notBefore = Instant.parse("2026-01-02T03:04:05Z");
        Instant notAfter = Instant.parse("2027-02-03T04:05:06Z");
        List<Extension> extensions = new ArrayList<>(TestCertificates.leafExtensions());
        extensions.add(Extensions.nonCritical(Extension.subjectAlternativeName,
                new org.bouncycastle.asn1.x509.GeneralNames(SubjectAltNames.parse("dns:leaf.example.com").toGeneralName())));
        CertificateTemplate template = new CertificateTemplate(serial, SubjectNames.parse("CN=leaf,O=Fujie"), leafKey,
                notBefore, notAfter, extensions);
        CertificateSigner signer = CertificateSigner.forIssuer(root.certificate(), root.signingKey());

        X509CertificateHolder certificate = signer.sign(template);

        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("leaf.pem", Pem.certificate(encoded(certificate)));
        String text = openssl.run("x509", "-in", "leaf.pem", "-noout", "-text", "-nameopt", "RFC2253");
        assertThat(signer.issuerName()).isEqualTo(root.certificate().getSubject());
        assertThat(text)
                .contains("Version: 3 (0x2)")
                .contains(colonHex(serial))
                .contains("Issuer: CN=Root,O=Fujie")
                .contains("Subject: CN=leaf,O=Fujie")
                .contains("Not Before: " + openSslTime(notBefore))
                .contains("Not After : " + openSslTime(notAfter))
                .contains("X509v3 Basic Constraints: critical\n                CA:FALSE")
                .contains("X509v3 Key Usage: critical\n                Digital Signature")
                .contains("X509v3 Extended Key Usage: \n                TLS Web Client Authentication")
                .contains("X509v3 Subject Alternative Name: \n                DNS:leaf.example.com")
                .contains("X509v3 Subject Key Identifier: \n")
                .contains("X509v3 Authority Key Identifier: \n");
        assertThat(certificate.getSubjectPublicKeyInfo()).isEqualTo(leafKey);
        assertThat(certificate.getExtensions().getExtensionOIDs()).hasSize(6);
    }

    @Test
    void signWhenCalledTwiceThenEachCertificateVerifies() {
        // A ContentSigner holds one signature's state; the signer must take a fresh one each time.
        Issued root = TestCertificates.root(KeyAlgorithm.EC_P256, "CN=Root");
        CertificateSigner signer = CertificateSigner.forIssuer(root.certificate(), root.signingKey());
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("root.pem", root.pem());

        for (int i = 0; i < 3; i++) {
            X509CertificateHolder certificate = signer.sign(TestCertificates.template(SubjectNames.parse("CN=leaf" + i),
                    TestCertificates.spki(KeyAlgorithm.EC_P256.generateKeyPair()), TestCertificates.leafExtensions()));
            openssl.write("leaf" + i + ".pem", Pem.certificate(encoded(certificate)));
        }

        assertThat(openssl.run("verify", "-CAfile", "root.pem", "leaf0.pem", "leaf1.pem", "leaf2.pem"))
                .contains("leaf0.pem: OK", "leaf1.pem: OK", "leaf2.pem: OK");
    }

    private Issued issueUnderOpenSslRoot(OpenSsl openssl, KeyAlgorithm algorithm) throws Exception {
        X509CertificateHolder root = new X509CertificateHolder(Pem.decode(openssl.read("root.pem"), "CERTIFICATE"));
        PrivateKey rootKey = KeyFactory.getInstance("EC", CryptoProviders.bouncyCastle())
                .generatePrivate(new PKCS8EncodedKeySpec(Pem.decode(openssl.read("root.key"), "PRIVATE KEY")));
        JcaSigningKey signingKey = new JcaSigningKey("openssl-root", algorithm, rootKey, root.getSubjectPublicKeyInfo());
        var keyPair = algorithm.generateKeyPair();
        X509CertificateHolder leaf = CertificateSigner.forIssuer(root, signingKey).sign(TestCertificates.template(
                SubjectNames.parse("CN=leaf"), TestCertificates.spki(keyPair), TestCertificates.leafExtensions()));
        openssl.write("leaf.pem", Pem.certificate(leaf.getEncoded()));
        return new Issued(leaf, keyPair, TestCertificates.signingKey("leaf", algorithm, keyPair));
    }

    private static String verify(OpenSsl openssl, KeyAlgorithm algorithm, String... arguments) {
        List<String> command = new ArrayList<>(List.of("verify"));
        command.addAll(OpenSsl.verifyOptions(algorithm));
        command.addAll(List.of(arguments));
        return openssl.run(command.toArray(new String[0]));
    }

    private static String openSslSignatureName(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case RSA_2048, RSA_3072, RSA_4096 -> "sha256WithRSAEncryption";
            case EC_P256 -> "ecdsa-with-SHA256";
            case EC_P384 -> "ecdsa-with-SHA384";
            case ED25519 -> "ED25519";
            case SM2 -> "SM2-with-SM3";
        };
    }

    /** The key identifier OpenSSL prints for the certificate's extension, as upper-case hex with colons. */
    static String ski(OpenSsl openssl, String certificate) {
        return extensionValue(openssl.run("x509", "-in", certificate, "-noout", "-ext", "subjectKeyIdentifier"));
    }

    static String aki(OpenSsl openssl, String certificate) {
        return extensionValue(openssl.run("x509", "-in", certificate, "-noout", "-ext", "authorityKeyIdentifier"))
                .replace("keyid:", "");
    }

    private static String extensionValue(String output) {
        String[] lines = output.strip().split("\n");
        assertThat(lines).as(output).hasSizeGreaterThanOrEqualTo(2);
        return lines[1].strip();
    }

    private static byte[] hex(String colonHex) {
        return java.util.HexFormat.ofDelimiter(":").parseHex(colonHex.toLowerCase(Locale.ROOT));
    }

    private static String colonHex(BigInteger serial) {
        return java.util.HexFormat.ofDelimiter(":").formatHex(serial.toByteArray());
    }

    private static String openSslTime(Instant instant) {
        // OpenSSL prints e.g. "Jan  2 03:04:05 2026 GMT"
        return DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy 'GMT'", Locale.ROOT)
                .withZone(ZoneOffset.UTC).format(instant);
    }

    private static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
