package org.fujie.pki.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fujie.pki.OpenSsl;
import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.x509.Pem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Pkcs12BuilderTests {

    private static final String PASSWORD = "p12-Secret-2026";

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RSA_2048", "EC_P256", "EC_P384", "ED25519", "SM2"})
    void buildThenOpenSslOpensItAndTheKeyMatchesTheCertificate(KeyAlgorithm algorithm) {
        Issued root = TestCertificates.root(KeyAlgorithm.EC_P256, "CN=Root,O=Fujie");
        Issued leaf = TestCertificates.leaf(root, algorithm, "CN=holder,O=Fujie");
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("leaf.p12", Pkcs12Builder.build("holder-1", leaf.keyPair().getPrivate(),
                List.of(leaf.x509(), root.x509()), PASSWORD.toCharArray()));

        OpenSsl.Result result = openssl.runForResult("pkcs12", "-in", "leaf.p12", "-info", "-nodes", "-passin", "pass:" + PASSWORD);
        String info = result.stdout() + result.stderr();
        openssl.run("pkcs12", "-in", "leaf.p12", "-nocerts", "-nodes", "-passin", "pass:" + PASSWORD, "-out", "key.pem");
        openssl.run("pkcs12", "-in", "leaf.p12", "-nokeys", "-clcerts", "-passin", "pass:" + PASSWORD, "-out", "cert.pem");
        openssl.run("pkcs12", "-in", "leaf.p12", "-nokeys", "-cacerts", "-passin", "pass:" + PASSWORD, "-out", "ca.pem");

        assertThat(openssl.publicKeyOfPrivateKey("key.pem")).isEqualTo(openssl.publicKeyOfCertificate("cert.pem"));
        assertThat(Pem.parseCertificates(openssl.read("cert.pem"))).containsExactly(leaf.x509());
        assertThat(Pem.parseCertificates(openssl.read("ca.pem"))).containsExactly(root.x509());
        assertThat(info).contains("friendlyName: holder-1");
        assertThat(count(info, "-----BEGIN CERTIFICATE-----")).isEqualTo(2);
        assertThat(count(info, "-----BEGIN PRIVATE KEY-----")).isEqualTo(1);
    }

    @Test
    void buildThenProtectedWithPbes2Aes256AndHmacSha256() {
        Issued root = TestCertificates.root(KeyAlgorithm.EC_P256, "CN=Root");
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("root.p12", Pkcs12Builder.build("root", root.keyPair().getPrivate(), List.of(root.x509()),
                PASSWORD.toCharArray()));

        OpenSsl.Result result = openssl.runForResult("pkcs12", "-in", "root.p12", "-info", "-noout", "-passin", "pass:" + PASSWORD);
        String info = result.stdout() + result.stderr();

        assertThat(info).contains("MAC: sha256");
        assertThat(info).contains("Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC");
        assertThat(info).contains("PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC");
        assertThat(info).doesNotContain("RC2", "3DES", "40-bit", "sha1");
    }

    @Test
    void buildWhenWrongPasswordThenOpenSslRefusesIt() {
        Issued root = TestCertificates.root(KeyAlgorithm.EC_P256, "CN=Root");
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("root.p12", Pkcs12Builder.build("root", root.keyPair().getPrivate(), List.of(root.x509()),
                PASSWORD.toCharArray()));

        OpenSsl.Result result = openssl.execute("pkcs12", "-in", "root.p12", "-info", "-nodes", "-passin", "pass:wrong-password");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("Mac verify error");
        assertThat(result.stdout()).doesNotContain("PRIVATE KEY");
    }

    @Test
    void buildWhenChainDoesNotStartWithTheKeysCertificateThenRejected() {
        Issued root = TestCertificates.root(KeyAlgorithm.EC_P256, "CN=Root");
        Issued leaf = TestCertificates.leaf(root, KeyAlgorithm.EC_P256, "CN=leaf");

        assertThatIllegalStateException().isThrownBy(() -> Pkcs12Builder.build("leaf", leaf.keyPair().getPrivate(),
                List.of(), PASSWORD.toCharArray())).withMessageContaining("leaf");
    }

    @Test
    void trustStoreThenCertificatesOnlyThatTheJdkTrusts() throws Exception {
        Issued first = TestCertificates.root(KeyAlgorithm.EC_P256, "CN=First Root");
        Issued second = TestCertificates.root(KeyAlgorithm.EC_P384, "CN=Second Root");
        byte[] p12 = Pkcs12Builder.trustStore(List.of(first.x509(), second.x509()), PASSWORD.toCharArray());
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("trust.p12", p12);

        String info = openssl.run("pkcs12", "-in", "trust.p12", "-info", "-nodes", "-passin", "pass:" + PASSWORD);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(p12), PASSWORD.toCharArray());

        assertThat(Pem.parseCertificates(info)).containsExactlyInAnyOrder(first.x509(), second.x509());
        assertThat(info).doesNotContain("PRIVATE KEY").doesNotContain("Shrouded Keybag");
        assertThat(store.size()).isEqualTo(2);
        for (String alias : java.util.Collections.list(store.aliases())) {
            assertThat(store.isCertificateEntry(alias)).as(alias).isTrue();
        }
        assertThat(List.of(store.getCertificate("anchor-0"), store.getCertificate("anchor-1")))
                .extracting(c -> (X509Certificate) c)
                .containsExactlyInAnyOrder(first.x509(), second.x509());
    }

    private static int count(String text, String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
