package org.fujie.pki.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Date;

import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.europa.esig.dss.enumerations.SignatureLevel;

/**
 * Integrity cross-checked with poppler's pdfsig (an independent PDF reader and NSS verifier, shared/FACTS.md):
 * the NSS database trusts the test CA, pdfsig's word on digest and coverage must match ours. Skipped where
 * pdfsig or certutil are not installed (apt-get install poppler-utils libnss3-tools).
 */
class PdfsigCrossCheckTests {

    private static final PdfTestPki PKI = new PdfTestPki("Pdfsig");

    @TempDir
    static Path directory;
    private static Pdfsig pdfsig;

    @BeforeAll
    static void nssDatabase() throws Exception {
        assumeTrue(Pdfsig.installed(), "pdfsig and certutil are not installed");
        pdfsig = Pdfsig.trusting(directory, PKI.root, PKI.issuing);
    }

    private static String pdfsig(byte[] pdf) throws Exception {
        return pdfsig.check(pdf);
    }

    @Test
    void verifyWhenSignedThenPdfsigAndWeBothFindItValidAndWhole() throws Exception {
        byte[] pdf = DssPdf.sign(TestPdfs.page("Hello"), PKI, PKI.signer, SignatureLevel.PAdES_BASELINE_T, new Date());

        String poppler = pdfsig(pdf);
        PdfReport ours = PKI.verifier().verify(pdf);

        // Integrity only: NSS answers "Unknown issue with Certificate" for the test signer here (not investigated;
        // perhaps the RFC 9336 documentSigning extended key usage, or the unreachable CRL); DSS cross-checks chains.
        assertThat(poppler).contains("Signature is Valid.", "Total document signed");
        assertThat(ours.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(ours.signatures().get(0).coversWholeDocument()).isTrue();
    }

    @Test
    void verifyWhenAByteIsAlteredThenPdfsigSaysDigestMismatchAndWeHashFailure() throws Exception {
        byte[] pdf = DssPdf.sign(TestPdfs.page("Hello"), PKI, PKI.signer, SignatureLevel.PAdES_BASELINE_B, new Date());
        pdf[TestPdfs.indexOf(pdf, "Hello")] = 'J';

        String poppler = pdfsig(pdf);
        PdfReport ours = PKI.verifier().verify(pdf);

        assertThat(poppler).contains("Digest Mismatch.");
        assertThat(ours.subIndication()).isEqualTo(SubIndication.HASH_FAILURE);
    }

    @Test
    void verifyWhenContentIsAppendedThenPdfsigSaysNotWholeAndWeFail() throws Exception {
        byte[] signed = DssPdf.sign(TestPdfs.page("Pay 100"), PKI, PKI.signer, SignatureLevel.PAdES_BASELINE_B, new Date());
        byte[] pdf = Updates.append(signed, d -> Updates.newPageContent(d, "Pay 900"));

        String poppler = pdfsig(pdf);
        PdfReport ours = PKI.verifier().verify(pdf);

        // pdfsig checks the signed bytes (valid) and says the signature no longer covers the file; we also judge the change.
        assertThat(poppler).contains("Signature is Valid.", "Not total document signed");
        assertThat(ours.signatures().get(0).integrity()).isTrue();
        assertThat(ours.signatures().get(0).coversWholeDocument()).isFalse();
        assertThat(ours.indication()).isEqualTo(Indication.TOTAL_FAILED);
    }
}
