package org.fujie.pki.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.List;
import java.util.stream.Stream;

import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.dss.ShippedDss;
import org.fujie.pki.pdf.PdfReport;
import org.fujie.pki.pdf.PdfTestPki;
import org.fujie.pki.pdf.TestPdfs;
import org.fujie.pki.validation.Indication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signing from a file into a file (the bounded-memory path of large documents), with its temporary files. */
class FileSigningTests {

    private static final PdfTestPki PKI = new PdfTestPki("Fujie File Signing Test");

    @TempDir
    Path dir;

    @Test
    void signWhenLargeFileAtLtaThenTheOutputFilePassesDssAndNoTemporaryFileIsLeft() throws Exception {
        Path in = TestPdfs.large(dir.resolve("large.pdf"), 12);
        Path out = dir.resolve("stamped.pdf");

        PKI.padesSigner().sign(in, out, PKI.signer.signingKey(), chain(), new PadesParameters(BaselineLevel.B_LTA,
                SealAppearance.at(2, 400, 100, 120, 120, TestSealImages.redDisc()), "批准", Calendar.getInstance()));

        byte[] stamped = Files.readAllBytes(out);
        byte[] original = Files.readAllBytes(in);
        assertThat(java.util.Arrays.copyOf(stamped, original.length)).as("an incremental update").isEqualTo(original);
        ShippedDss.Report dss = ShippedDss.validate(stamped, List.of(PKI.root.certificate().getEncoded()), List.of());
        assertThat(dss.allPassedAt("PAdES-BASELINE-LTA")).as(dss.toString()).isTrue();
        PdfReport ours = PKI.verifier().verify(stamped);
        assertThat(ours.indication()).as(ours.toString()).isEqualTo(Indication.TOTAL_PASSED);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("large.pdf", "stamped.pdf");
        }
    }

    @Test
    void signWhenRefusedThenNoOutputFileIsLeft() throws Exception {
        Path in = TestPdfs.large(dir.resolve("small.pdf"), 1);
        Path out = dir.resolve("stamped.pdf");

        assertThatThrownBy(() -> PKI.padesSigner().sign(in, out, PKI.signer.signingKey(), chain(), new PadesParameters(
                BaselineLevel.B_LT, SealAppearance.at(5, 1, 1, 50, 50, TestSealImages.redDisc()), null, Calendar.getInstance())))
                .isInstanceOf(PadesException.class).hasMessageContaining("page 5 does not exist");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("small.pdf");
        }
    }

    private static List<X509CertificateHolder> chain() {
        return List.of(PKI.signer.certificate(), PKI.issuing.certificate(), PKI.root.certificate());
    }
}
