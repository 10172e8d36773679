package org.fujie.pki.dss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Calendar;
import java.util.List;

import org.fujie.pki.pades.PadesParameters;
import org.fujie.pki.pades.PadesSigner;
import org.fujie.pki.pades.TestSealImages;
import org.fujie.pki.pades.SealAppearance;
import org.fujie.pki.pdf.PdfTestPki;
import org.fujie.pki.pdf.TestPdfs;
import org.junit.jupiter.api.Test;

class ShippedDssTests {

    private static final PdfTestPki PKI = new PdfTestPki("Fujie Shipped DSS Test");

    @Test
    void validateWhenFujieStampedThenDssReadsThePaddedContentsAndPasses() throws Exception {
        byte[] signed = PadesSigner.baselineB().sign(TestPdfs.page("Contract 7"), PKI.signer.signingKey(),
                List.of(PKI.signer.certificate(), PKI.issuing.certificate(), PKI.root.certificate()),
                PadesParameters.baselineB(SealAppearance.at(1, 100, 100, 100, 100, TestSealImages.redDisc()), "test",
                        Calendar.getInstance()));

        ShippedDss.Report report = ShippedDss.validate(signed, List.of(PKI.root.certificate().getEncoded()),
                List.of(PKI.crl(PKI.issuing), PKI.crl(PKI.root)));

        assertThat(report.signatures()).as(report.toString()).hasSize(1);
        assertThat(report.allPassedAt("PAdES-BASELINE-B")).as(report.toString()).isTrue();
        assertThat(report.bouncyCastle()).as("DSS runs on the Bouncy Castle it was built with").isEqualTo("1.81");
    }
}
