package org.fujie.pki.x509;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;

import org.fujie.pki.OpenSsl;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintsTests {

    @Test
    void sha256ThenAsOpenSslPrintsItInLowerCase(@TempDir Path directory) {
        TestCertificates.Issued root = TestCertificates.root(KeyAlgorithm.EC_P256, "CN=Root");
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("root.pem", root.pem());

        String printed = openssl.run("x509", "-in", "root.pem", "-noout", "-fingerprint", "-sha256").strip();
        String fingerprint = Fingerprints.sha256(Pem.decode(root.pem(), "CERTIFICATE"));

        assertThat(fingerprint).matches("[0-9a-f]{64}");
        assertThat(printed).isEqualToIgnoringCase("sha256 Fingerprint=" + fingerprint.replaceAll("(..)(?!$)", "$1:"));
        assertThat(printed.toLowerCase(Locale.ROOT).replace(":", "")).endsWith(fingerprint);
    }

    @Test
    void sha256WhenKnownInputThenKnownDigest() {
        assertThat(Fingerprints.sha256(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Fingerprints.sha256("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
