package org.fujie.pki.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import org.fujie.pki.OpenSsl;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTests {

    @TempDir
    Path directory;

    @Test
    void parseCertificatesWhenOpenSslChainThenAllInOrder() {
        OpenSsl openssl = new OpenSsl(directory);
        openssl.generateKey("root.key", OpenSsl.genpkeyOptions(KeyAlgorithm.EC_P256));
        openssl.generateKey("leaf.key", OpenSsl.genpkeyOptions(KeyAlgorithm.EC_P256));
        openssl.run("req", "-x509", "-new", "-key", "root.key", "-subj", "/CN=Chain Root", "-days", "1", "-out", "root.pem");
        openssl.run("req", "-new", "-key", "leaf.key", "-subj", "/CN=Chain Leaf", "-out", "leaf.csr");
        openssl.run("x509", "-req", "-in", "leaf.csr", "-CA", "root.pem", "-CAkey", "root.key", "-days", "1",
                "-set_serial", "0x1234", "-out", "leaf.pem");
        String chain = openssl.read("leaf.pem") + openssl.read("root.pem");

        List<X509Certificate> certificates = Pem.parseCertificates(chain);

        assertThat(certificates).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=Chain Leaf", "CN=Chain Root");
        assertThat(certificates.get(0).getSerialNumber().intValue()).isEqualTo(0x1234);
        assertThat(Pem.decodeAll(chain, "CERTIFICATE")).hasSize(2);
        assertThat(Pem.decode(chain, "CERTIFICATE")).isEqualTo(Pem.decodeAll(chain, "CERTIFICATE").get(0));
    }

    @Test
    void decodeAllWhenMixedLabelsTextAndCrlfThenOnlyTheLabelAsked() {
        OpenSsl openssl = new OpenSsl(directory);
        openssl.generateKey("k.pem", OpenSsl.genpkeyOptions(KeyAlgorithm.EC_P256));
        openssl.run("req", "-x509", "-new", "-key", "k.pem", "-subj", "/CN=one", "-days", "1", "-out", "one.pem");
        openssl.run("req", "-x509", "-new", "-key", "k.pem", "-subj", "/CN=two", "-days", "1", "-out", "two.pem");
        openssl.run("x509", "-in", "one.pem", "-text", "-out", "one-with-text.pem");
        String bundle = (openssl.read("one-with-text.pem") + "some comment\n" + openssl.read("k.pem")
                + openssl.read("two.pem")).replace("\n", "\r\n");

        assertThat(Pem.parseCertificates(bundle)).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("CN=one", "CN=two");
        assertThat(Pem.decodeAll(bundle, "PRIVATE KEY")).hasSize(1);
        assertThat(Pem.decodeAll(bundle, "CERTIFICATE REQUEST")).isEmpty();
        assertThat(Pem.decodeAll(bundle, "X509 CRL")).isEmpty();
    }

    @Test
    void decodeWhenEndLabelDiffersThenNoBlock() {
        String mismatched = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END PRIVATE KEY-----\n";

        assertThat(Pem.decodeAll(mismatched, "CERTIFICATE")).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> Pem.decode(mismatched, "CERTIFICATE"))
                .withMessageContaining("CERTIFICATE");
        assertThatIllegalArgumentException().isThrownBy(() -> Pem.decode("", "CERTIFICATE"));
    }

    @Test
    void certificateThenOpenSslReadsTheSameDer() {
        TestCertificates.Issued root = TestCertificates.root(KeyAlgorithm.EC_P256, "CN=Root");
        String pem = root.pem();
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("root.pem", pem);

        openssl.run("x509", "-in", "root.pem", "-outform", "DER", "-out", "root.der");

        assertThat(openssl.readBytes("root.der")).isEqualTo(Pem.decode(pem, "CERTIFICATE"));
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("\n-----END CERTIFICATE-----\n");
        assertThat(pem.lines().filter(line -> !line.startsWith("-----"))).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
        assertThat(pem.lines().skip(1).findFirst().orElseThrow()).hasSize(64);
    }

    @Test
    void encodeThenDecodeGivesTheBytesBack() {
        for (int length : new int[] {0, 1, 2, 3, 47, 48, 49, 200}) {
            byte[] data = new byte[length];
            for (int i = 0; i < length; i++) {
                data[i] = (byte) (i * 31 + 7);
            }
            assertThat(Pem.decode(Pem.encode("TEST DATA", data), "TEST DATA")).isEqualTo(data);
        }
    }

    @Test
    void parseCertificateWhenSm2ThenReadAsWell() {
        // the JDK's certificate factory does not know the SM2 curve
        TestCertificates.Issued root = TestCertificates.root(KeyAlgorithm.SM2, "CN=SM2 Root,C=CN");
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("root.pem", root.pem());
        openssl.run("x509", "-in", "root.pem", "-outform", "DER", "-out", "root.der");

        X509Certificate certificate = Pem.parseCertificate(openssl.readBytes("root.der"));

        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=SM2 Root,C=CN");
        assertThat(Pem.parseCertificates(root.pem() + TestCertificates.root(KeyAlgorithm.EC_P256, "CN=Other").pem()))
                .hasSize(2);
    }

    @Test
    void parseCertificateWhenNotACertificateThenRejected() {
        TestCertificates.Issued root = TestCertificates.root(KeyAlgorithm.EC_P256, "CN=Root");
        byte[] der = Pem.decode(root.pem(), "CERTIFICATE");

        assertThatIllegalArgumentException().isThrownBy(() -> Pem.parseCertificate(new byte[] {1, 2, 3}));
        assertThatIllegalArgumentException().isThrownBy(() -> Pem.parseCertificate(new byte[0]));
        assertThatIllegalArgumentException().isThrownBy(() -> Pem.parseCertificate(java.util.Arrays.copyOf(der, der.length - 1)));
        assertThatIllegalArgumentException().isThrownBy(() -> Pem.parseCertificates(
                "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n"));
    }
}
