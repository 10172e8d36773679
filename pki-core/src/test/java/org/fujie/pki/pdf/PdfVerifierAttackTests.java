package org.fujie.pki.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;
import org.junit.jupiter.api.Test;

import eu.europa.esig.dss.enumerations.SignatureLevel;

/**
 * The published PDF signature attacks (Mladenov et al. 2019: universal signature forgery, incremental saving,
 * signature wrapping; Mainka et al. 2021: shadow attacks), written here from their descriptions against a
 * DSS-signed document: each fails with a clear sub-indication.
 */
class PdfVerifierAttackTests {

    private static final PdfTestPki PKI = new PdfTestPki("Attack");
    private static final byte[] SIGNED = DssPdf.sign(TestPdfs.page("Pay 100 yuan"), PKI, PKI.signer,
            SignatureLevel.PAdES_BASELINE_B, new Date());

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static PdfReport verify(byte[] pdf) {
        return PKI.verifier().verify(pdf);
    }

    @Test
    void verifyWhenUntouchedThenTotalPassed() {
        assertThat(verify(SIGNED).indication()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void verifyWhenContentsRemovedThenTotalFailedFormatFailure() {
        byte[] forged = latin1(SIGNED).replace("/Contents <", "/Contentx <").getBytes(StandardCharsets.ISO_8859_1);

        PdfReport report = verify(forged);

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(report.detail()).contains("no /Contents");
    }

    @Test
    void verifyWhenByteRangeRemovedThenTotalFailedFormatFailure() {
        byte[] forged = latin1(SIGNED).replace("/ByteRange", "/ByteRangx").getBytes(StandardCharsets.ISO_8859_1);

        PdfReport report = verify(forged);

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.detail()).contains("no /ByteRange");
    }

    @Test
    void verifyWhenByteRangeIsAllZerosThenTotalFailedFormatFailure() {
        byte[] forged = replaceByteRange(latin1(SIGNED), "/ByteRange [0 0 0 0]");

        PdfReport report = verify(forged);

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(report.detail()).contains("does not describe two ranges");
    }

    @Test
    void verifyWhenContentsIsZeroedThenTotalFailedFormatFailure() {
        String text = latin1(SIGNED);
        Matcher m = Pattern.compile("/Contents\\s*<([0-9A-Fa-f]+)>").matcher(text);
        assertThat(m.find()).isTrue();
        byte[] forged = (text.substring(0, m.start(1)) + "0".repeat(m.group(1).length()) + text.substring(m.end(1)))
                .getBytes(StandardCharsets.ISO_8859_1);

        PdfReport report = verify(forged);

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(report.detail()).contains("not a CMS SignedData");
    }

    /** Replaces the /ByteRange array by another of the same length (padded with spaces), as the attacks do in place. */
    private static byte[] replaceByteRange(String text, String replacement) {
        Matcher m = Pattern.compile("/ByteRange\\s*\\[[^\\]]*\\]").matcher(text);
        assertThat(m.find()).isTrue();
        String padded = replacement.substring(0, replacement.length() - 1)
                + " ".repeat(Math.max(0, m.group().length() - replacement.length())) + "]";
        return (text.substring(0, m.start()) + padded + text.substring(m.end())).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void verifyWhenByteRangeWrapsOtherContentThenTotalFailedFormatFailure() {
        String text = latin1(SIGNED);
        Matcher m = Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]").matcher(text);
        assertThat(m.find()).isTrue();
        long b = Long.parseLong(m.group(2));
        // The wrapped range leaves 30 more bytes before /Contents out of the signature, room for other content.
        String wrapped = "/ByteRange [0 " + (b - 30) + " " + m.group(3) + " " + m.group(4) + "]";
        String padded = wrapped.substring(0, wrapped.length() - 1) + " ".repeat(Math.max(0, m.group().length() - wrapped.length())) + "]";
        byte[] forged = (text.substring(0, m.start()) + padded + text.substring(m.end())).getBytes(StandardCharsets.ISO_8859_1);

        PdfReport report = verify(forged);

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        assertThat(report.detail()).contains("signature wrapping");
    }

    @Test
    void verifyWhenIncrementalUpdateReplacesThePageContentThenTotalFailed() {
        byte[] attacked = Updates.append(SIGNED, d -> Updates.newPageContent(d, "Pay 900 yuan"));

        PdfReport report = verify(attacked);

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.subIndication()).isEqualTo(SubIndication.FORMAT_FAILURE);
        PdfSignatureReport signature = report.signatures().get(0);
        assertThat(signature.integrity()).isTrue();
        assertThat(signature.coversWholeDocument()).isFalse();
        assertThat(signature.modifications()).anyMatch(mod -> !mod.allowed() && mod.description().contains("Contents"));
    }

    @Test
    void verifyWhenShadowUpdateReplacesTheSignedContentObjectThenTotalFailed() {
        byte[] attacked = Updates.append(SIGNED, d -> Updates.overwriteContentObject(d, "Pay 900 yuan"));

        PdfReport report = verify(attacked);

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.signatures().get(0).modifications())
                .anyMatch(mod -> !mod.allowed() && mod.description().contains("stream content changed"));
    }

    @Test
    void verifyWhenANoteIsAddedAfterAnApprovalSignatureThenStillPassedButNotWhole() {
        byte[] annotated = Updates.append(SIGNED, Updates::addNote);

        PdfReport report = verify(annotated);

        assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.TOTAL_PASSED);
        PdfSignatureReport signature = report.signatures().get(0);
        assertThat(signature.coversWholeDocument()).isFalse();
        assertThat(signature.modifications()).isNotEmpty().allMatch(Modification::allowed);
    }
}
