package org.fujie.pki.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.pdf.PdfTestPki;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CMS signatures made by OpenSSL's {@code cms -sign} (a second implementation no one here wrote), and input a
 * verifier must turn away with a reason rather than an exception.
 */
class CadesVerifierOpenSslAndBadInputTests {

    private static final PdfTestPki PKI = new PdfTestPki("Fujie OpenSSL CMS Test");
    private static final byte[] DOCUMENT = "<approval id=\"42\">同意</approval>\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private byte[] opensslSign(String... extra) throws Exception {
        Files.write(dir.resolve("doc.xml"), DOCUMENT);
        Files.writeString(dir.resolve("signer.pem"), PKI.signer.pem());
        Files.writeString(dir.resolve("key.pem"), TestCertificates.privateKeyPem(PKI.signer.keyPair().getPrivate()));
        Files.writeString(dir.resolve("chain.pem"), PKI.issuing.pem() + PKI.root.pem());
        List<String> args = new java.util.ArrayList<>(List.of("cms", "-sign", "-binary", "-in", "doc.xml", "-signer", "signer.pem",
                "-inkey", "key.pem", "-certfile", "chain.pem", "-md", "sha256", "-out", "doc.p7s"));
        args.addAll(Arrays.asList(extra));
        new OpenSsl(dir).run(args.toArray(String[]::new));
        return Files.readAllBytes(dir.resolve("doc.p7s"));
    }

    @Test
    void verifyWhenOpenSslSignedCadesAttachedThenTotalPassedAtLevelBB() throws Exception {
        byte[] p7s = opensslSign("-cades", "-nodetach", "-outform", "DER");

        CmsReport report = CadesVerifierDssTests.verifier(PKI).verify(p7s, null);

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures().get(0).format()).isEqualTo("CAdES");
        assertThat(report.signatures().get(0).level()).isEqualTo(BaselineLevel.B_B);
    }

    @Test
    void verifyWhenOpenSslSignedPlainCmsDetachedInPemThenTotalPassedWithoutABaselineLevel() throws Exception {
        byte[] p7s = opensslSign("-outform", "PEM");
        assertThat(new String(p7s, StandardCharsets.US_ASCII)).startsWith("-----BEGIN CMS-----");

        CmsReport report = CadesVerifierDssTests.verifier(PKI).verify(p7s, DOCUMENT);

        assertThat(report.indication()).as(report.detail()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures().get(0).format()).isEqualTo("CMS");
        assertThat(report.signatures().get(0).level()).isEqualTo(BaselineLevel.NONE);
    }

    @Test
    void verifyWhenOurVerdictIsHashFailureThenOpenSslAlsoRefusesTheAlteredDocument() throws Exception {
        byte[] p7s = opensslSign("-cades", "-outform", "DER");
        byte[] altered = DOCUMENT.clone();
        altered[10] = '7';
        Files.write(dir.resolve("altered.xml"), altered);

        CmsReport report = CadesVerifierDssTests.verifier(PKI).verify(p7s, altered);

        assertThat(report.subIndication()).as(report.detail()).isEqualTo(SubIndication.HASH_FAILURE);
        new OpenSsl(dir).run("cms", "-verify", "-binary", "-inform", "DER", "-in", "doc.p7s", "-content", "doc.xml",
                "-CAfile", "chain.pem", "-purpose", "any", "-out", "/dev/null"); // the original verifies
        OpenSsl.Result openssl = new OpenSsl(dir).execute("cms", "-verify", "-binary", "-inform", "DER", "-in", "doc.p7s",
                "-content", "altered.xml", "-CAfile", "chain.pem", "-purpose", "any", "-out", "/dev/null");
        assertThat(openssl.exitCode()).isNotZero();
    }

    @Test
    void verifyWhenNotCmsThenIndeterminateFormatFailure() {
        CmsReport garbage = CadesVerifierDssTests.verifier(PKI).verify("hello, not a signature".getBytes(), null);
        CmsReport notSignedData = CadesVerifierDssTests.verifier(PKI).verify(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}, null);

        assertThat(garbage.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(garbage.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(notSignedData.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(notSignedData.detail()).isEqualTo("not a CMS SignedData");
    }

    @Test
    void verifyWhenTruncatedThenIndeterminateFormatFailure() throws Exception {
        byte[] p7s = opensslSign("-cades", "-nodetach", "-outform", "DER");

        CmsReport report = CadesVerifierDssTests.verifier(PKI).verify(Arrays.copyOf(p7s, p7s.length / 2), null);

        assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(report.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
    }

    @Test
    void verifyWhenSignedDataHasNoSignerThenIndeterminateWithTheReason() throws Exception {
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addCertificates(new JcaCertStore(List.of(PKI.signer.x509())));
        byte[] certsOnly = generator.generate(new CMSProcessableByteArray(DOCUMENT), true).getEncoded();

        CmsReport report = CadesVerifierDssTests.verifier(PKI).verify(certsOnly, null);

        assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(report.detail()).isEqualTo("the SignedData holds no signer");
        assertThat(report.signatures()).isEmpty();
    }

    @Test
    void verifyWhenLargerThanTheLimitThenRefusedBeforeParsing() {
        CadesVerifier small = new CadesVerifier(new DocumentValidation(List.of(), org.fujie.pki.validation.ValidationPolicy.defaults(),
                PKI.fetcher(), List.of(), java.time.Clock.systemUTC()), new CmsVerifierSettings(4096, 4, null));

        CmsReport report = small.verify(new byte[4097], null);

        assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(report.detail()).contains("larger than 4096 bytes");
    }

    @Test
    void verifyWhenTheDocumentGivenDiffersFromTheEncapsulatedContentThenHashFailure() throws Exception {
        byte[] p7s = opensslSign("-cades", "-nodetach", "-outform", "DER");

        CmsReport report = CadesVerifierDssTests.verifier(PKI).verify(p7s, "something else".getBytes());

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.subIndication()).isEqualTo(SubIndication.HASH_FAILURE);
    }
}
