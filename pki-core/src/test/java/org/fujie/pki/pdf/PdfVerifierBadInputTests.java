package org.fujie.pki.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;
import org.fujie.pki.validation.TrustAnchor;
import org.fujie.pki.validation.ValidationPolicy;
import org.junit.jupiter.api.Test;

/** Input that is not a verifiable PDF: each gets INDETERMINATE/FORMAT_FAILURE with the reason, never an exception. */
class PdfVerifierBadInputTests {

    private static final PdfTestPki PKI = new PdfTestPki("Bad Input");

    private static void indeterminate(PdfReport report, String reason) {
        assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(report.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(report.detail()).contains(reason);
        assertThat(report.signatures()).isEmpty();
    }

    @Test
    void verifyWhenNotAPdfThenIndeterminate() {
        indeterminate(PKI.verifier().verify("PK\u0003\u0004 a zip, not a PDF".getBytes(StandardCharsets.ISO_8859_1)), "not a PDF");
    }

    @Test
    void verifyWhenTruncatedThenIndeterminate() {
        byte[] pdf = TestPdfs.page("Hello");
        indeterminate(PKI.verifier().verify(Arrays.copyOf(pdf, pdf.length / 2)), "truncated");
    }

    @Test
    void verifyWhenGarbageBetweenHeaderAndEofThenIndeterminate() {
        byte[] garbage = "%PDF-1.7\n this is no PDF at all \n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        indeterminate(PKI.verifier().verify(garbage), "corrupted");
    }

    @Test
    void verifyWhenEncryptedThenIndeterminate() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            indeterminate(PKI.verifier().verify(out.toByteArray()), "encrypted");
        }
    }

    @Test
    void verifyWhenAStreamInflatesBeyondTheLimitThenIndeterminate() throws IOException {
        byte[] bomb;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            COSStream stream = document.getDocument().createCOSStream();
            try (OutputStream data = stream.createOutputStream(COSName.FLATE_DECODE)) {
                data.write(new byte[4 * 1024 * 1024]); // 4 MiB of zeros deflate to about 4 KiB
            }
            page.getCOSObject().setItem(COSName.CONTENTS, stream);
            document.save(out, CompressParameters.NO_COMPRESSION);
            bomb = out.toByteArray();
        }
        assertThat(bomb.length).isLessThan(64 * 1024);
        PdfVerifier strict = new PdfVerifier(java.util.List.of(TrustAnchor.forAllPurposes(PKI.root.x509())),
                ValidationPolicy.defaults(), PKI.fetcher(), java.util.List.of(), java.time.Clock.systemUTC(),
                PdfVerifierSettings.defaults().withMaxDecodedStreamBytes(1024 * 1024));

        indeterminate(strict.verify(bomb), "zip bomb");
    }

    @Test
    void verifyWhenAnObjectStreamInflatesBeyondTheLimitThenIndeterminate() throws IOException {
        byte[] bomb;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            // A 4 MiB string in the document information: saved compressed, it lands in an object stream.
            document.getDocumentInformation().setSubject("0".repeat(4 * 1024 * 1024));
            document.save(out);
            bomb = out.toByteArray();
        }
        assertThat(bomb.length).isLessThan(64 * 1024);
        PdfVerifier strict = new PdfVerifier(java.util.List.of(TrustAnchor.forAllPurposes(PKI.root.x509())),
                ValidationPolicy.defaults(), PKI.fetcher(), java.util.List.of(), java.time.Clock.systemUTC(),
                PdfVerifierSettings.defaults().withMaxDecodedStreamBytes(1024 * 1024));

        indeterminate(strict.verify(bomb), "zip bomb");
    }

    @Test
    void verifyWhenNoSignatureThenIndeterminate() {
        indeterminate(PKI.verifier().verify(TestPdfs.page("unsigned")), "no signature");
    }

    @Test
    void verifyWhenLargerThanTheLimitThenIndeterminate() {
        PdfVerifier small = new PdfVerifier(java.util.List.of(TrustAnchor.forAllPurposes(PKI.root.x509())),
                ValidationPolicy.defaults(), PKI.fetcher(), java.util.List.of(), java.time.Clock.systemUTC(),
                new PdfVerifierSettings(1024, 1024 * 1024, 1024 * 1024, 5, 1000, null));
        byte[] pdf = TestPdfs.page("Hello ".repeat(100));
        assertThat(pdf.length).isGreaterThan(1024);
        indeterminate(small.verify(new java.io.ByteArrayInputStream(pdf)), "larger than");
    }
}
