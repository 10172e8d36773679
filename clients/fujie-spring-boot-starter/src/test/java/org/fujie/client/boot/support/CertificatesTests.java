package org.fujie.client.boot.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.fujie.client.boot.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificatesTests {

    private final X509Certificate alice = TestCertificates.alice();

    @Test
    void fingerprintAndSerialWhenComparedWithOpensslThenEqualInLowerCaseHex(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("alice.pem");
        Files.writeString(pem, Certificates.pem(alice));
        Process openssl = new ProcessBuilder("openssl", "x509", "-in", pem.toString(), "-noout", "-serial", "-fingerprint", "-sha256")
                .redirectErrorStream(true).start();
        String out = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS)).isTrue();

        String serial = out.lines().filter(line -> line.startsWith("serial=")).findFirst().orElseThrow().substring(7);
        String fingerprint = out.lines().filter(line -> line.contains("Fingerprint=")).findFirst().orElseThrow();
        fingerprint = fingerprint.substring(fingerprint.indexOf('=') + 1).replace(":", "");

        assertThat(Certificates.serial(alice)).isEqualTo(serial.toLowerCase(Locale.ROOT).replaceFirst("^0+", ""));
        assertThat(Certificates.fingerprint(alice)).isEqualTo(fingerprint.toLowerCase(Locale.ROOT));
    }

    @Test
    void subjectThenRfc4514AndOrganizationFromItsRdns() {
        String subject = Certificates.subject(alice);

        assertThat(subject).isEqualTo("CN=Alice Zhang,OU=Registration,O=Example Bureau,C=CN");
        assertThat(Certificates.organization(subject)).isEqualTo("Example Bureau");
    }

    @Test
    void organizationWhenEscapedCommaOrAbsentThenParsedNotSplit() {
        assertThat(Certificates.organization("CN=Li Na,O=Bureau\\, East,C=CN")).isEqualTo("Bureau, East");
        assertThat(Certificates.organization("CN=O=not an organization")).isNull();
        assertThat(Certificates.organization("not a name")).isNull();
    }

    @Test
    void canonicalWhenSpacingAndCaseDifferThenEqual() {
        assertThat(Certificates.canonical("cn=Alice Zhang, o=Example Bureau"))
                .isEqualTo(Certificates.canonical("CN=alice zhang,O=EXAMPLE BUREAU"));
    }

    @Test
    void pemWhenReadBackThenSameCertificate() throws Exception {
        assertThat(Certificates.read(Certificates.pem(alice))).containsExactly(alice);
    }
}
