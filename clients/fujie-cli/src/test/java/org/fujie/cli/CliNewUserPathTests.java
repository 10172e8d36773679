package org.fujie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.fujie.cli.CliTestServices.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's path for a new user, through the command line only: certificates by keygen, roles by principals add,
 * a seal made by one SEAL_ADMIN and approved by another, stamped by its keeper, verified, revoked, verified again.
 * Also folder stamping with a seal of its own.
 */
class CliNewUserPathTests {

    private static final String PASSWORD = "change-me-now";
    private static final String KEEPER = "CN=Li Na,OU=Registration,O=Example Bureau";

    private static CliTestServices services;
    private static Path dir;
    private static Path zhao;
    private static Path qian;
    private static Path lina;

    @BeforeAll
    static void people() throws Exception {
        services = CliTestServices.get();
        dir = Files.createTempDirectory("fujie-cli-path");
        lina = keygen("lina", "user-auth", KEEPER);
        zhao = keygen("zhao", "tls-client", "CN=zhao,OU=Seal Office,O=Example Bureau");
        qian = keygen("qian", "tls-client", "CN=qian,OU=Seal Office,O=Example Bureau");
        grant("CN=zhao,OU=Seal Office,O=Example Bureau", "SEAL_ADMIN");
        grant("CN=qian,OU=Seal Office,O=Example Bureau", "SEAL_ADMIN");
        grant(KEEPER, "SEAL_KEEPER");
    }

    @Test
    void keygenWritesAPrivatePkcs12() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(lina))).isEqualTo("rw-------");
        Run show = as(lina, "ca", "list");
        // Li Na authenticates but holds no ca-service role: 403, told as an authorisation failure.
        CliBadInputTests.assertOneLine(show, ExitCode.NO_PERMISSION);
    }

    @Test
    void issueSealStampVerifyRevokeVerify() throws Exception {
        String seal = createAndApprove("合同专用章");

        Path letter = Files.write(dir.resolve("letter.pdf"), TestFiles.pdf());
        Path stamped = dir.resolve("stamped.pdf");
        Run stamp = as(lina, "seal", "stamp", "--seal", seal, "--in", letter.toString(), "--out", stamped.toString(),
                "--page", "1", "--x", "400", "--y", "80");
        assertThat(stamp.exitCode()).as(stamp.toString()).isZero();
        assertThat(Files.readAllBytes(stamped)).hasSizeGreaterThan(TestFiles.pdf().length);

        Run verified = services.fujie("verify", stamped.toString());
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
        assertThat(verified.out()).startsWith("TOTAL_PASSED: 1 signature(s)").contains("[PAdES, B-B]")
                .contains("signer:").contains("合同专用章").contains("the whole document").contains("integrity:           intact");

        Run revoked = as(qian, "seal", "revoke", seal, "--reason", "keyCompromise");
        assertThat(revoked.exitCode()).as(revoked.toString()).isZero();
        assertThat(revoked.out()).contains("REVOKED");

        // trust-service reuses the GOOD answer it holds for fujie.validation.revocation-max-age (2 s in these tests, 60 s by default).
        Run again = null;
        for (int attempt = 0; attempt < 30; attempt++) {
            again = services.fujie("verify", stamped.toString());
            if (again.exitCode() != 0) {
                break;
            }
            Thread.sleep(1000);
        }
        assertThat(again.exitCode()).as(again.toString()).isIn(ExitCode.FAILED, ExitCode.INDETERMINATE);
        assertThat(again.out()).doesNotStartWith("TOTAL_PASSED").contains("合同专用章");
    }

    @Test
    void theMakerCannotApproveItsOwnSeal() {
        Run created = as(zhao, "seal", "create", "--name", "财务专用章", "--organization", "示例局", "--keeper", KEEPER);
        assertThat(created.exitCode()).as(created.toString()).isZero();
        Run approved = as(zhao, "seal", "approve", created.out().strip());
        assertThat(approved.exitCode()).as(approved.toString()).isEqualTo(ExitCode.NO_PERMISSION);   // 403 seal-four-eyes
        assertThat(approved.errLines()).isEqualTo(1);
        assertThat(approved.err()).contains("seal-service refused the credential");
    }

    @Test
    void stampsEveryPdfAndXmlOfAFolder() throws Exception {
        String seal = createAndApprove("公章");
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Files.write(inbox.resolve("a.pdf"), TestFiles.pdf());
        Files.write(inbox.resolve("b.pdf"), TestFiles.pdf());
        Files.write(inbox.resolve("c.xml"), TestFiles.xml());
        Files.writeString(inbox.resolve("broken.pdf"), "not a PDF at all");
        Files.writeString(inbox.resolve("notes.txt"), "left alone");
        Path sealed = dir.resolve("sealed");

        Run run = as(lina, "seal", "stamp", "--seal", seal, "--in", inbox.toString(), "--out", sealed.toString(),
                "--page", "1", "--x", "400", "--y", "80");

        assertThat(run.exitCode()).as(run.toString()).isNotZero();
        assertThat(run.err().lines().toList()).hasSize(4).anySatisfy(l -> assertThat(l).startsWith("[1/4] a.pdf: stamped"))
                .anySatisfy(l -> assertThat(l).startsWith("[3/4] broken.pdf: FAILED"));
        assertThat(run.out()).startsWith("stamped 3 of 4 into " + sealed);
        assertThat(sealed.resolve("notes.txt")).doesNotExist();
        for (String name : List.of("a.pdf", "b.pdf", "c.xml")) {
            Run verified = services.fujie("verify", sealed.resolve(name).toString());
            assertThat(verified.exitCode()).as(name + ": " + verified).isZero();
        }
    }

    @Test
    void theSealsLifecycleVerbs() throws Exception {
        String seal = createAndApprove("发票专用章");
        assertThat(as(qian, "seal", "suspend", seal).out()).contains("status:").contains("SUSPENDED");
        Path letter = Files.write(dir.resolve("suspended.pdf"), TestFiles.pdf());
        Run refused = as(lina, "seal", "stamp", "--seal", seal, "--in", letter.toString(), "--out", dir.resolve("no.pdf").toString(),
                "--keyword", "nothing");
        CliBadInputTests.assertOneLine(refused, ExitCode.REFUSED);
        assertThat(as(qian, "seal", "resume", seal).out()).contains("ACTIVE");
        Run before = as(qian, "seal", "show", seal, "--output", "json");
        String serial = Output.json().readTree(before.out()).get("serialNumber").asString();
        Run renewed = as(qian, "seal", "renew", seal);
        assertThat(renewed.exitCode()).as(renewed.toString()).isZero();
        assertThat(renewed.out()).contains("ACTIVE").doesNotContain(serial);
        assertThat(as(qian, "seal", "show", seal, "--output", "pem").out()).startsWith("-----BEGIN CERTIFICATE-----");

        Path timeStamped = dir.resolve("time-stamped.pdf");
        Run bt = null;
        for (int attempt = 0; attempt < 50; attempt++) {   // the TSA gets its certificate shortly after start
            bt = as(lina, "seal", "stamp", "--seal", seal, "--in", letter.toString(), "--out", timeStamped.toString(), "--page", "1",
                    "--x", "100", "--y", "80", "--width", "90", "--level", "B-T", "--reason", "approved");
            if (bt.exitCode() != ExitCode.UNAVAILABLE) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(bt.exitCode()).as(bt.toString()).isZero();
        Run btReport = services.fujie("verify", timeStamped.toString());
        assertThat(btReport.exitCode()).as(btReport.toString()).isZero();
        assertThat(btReport.out()).contains("[PAdES, B-T]").contains("time-stamp:");

        Path xml = Files.write(dir.resolve("approval.xml"), TestFiles.xml());
        Path sealed = dir.resolve("approval-sealed.xml");
        Run stamp = as(lina, "seal", "stamp", "--seal", seal, "--in", xml.toString(), "--out", sealed.toString(),
                "--commitment", "ProofOfApproval");
        assertThat(stamp.exitCode()).as(stamp.toString()).isZero();
        Run json = services.fujie("verify", sealed.toString(), "--output", "json");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(Output.json().readTree(json.out()).get("signatures").get(0).get("format").asString()).isEqualTo("XAdES");

        Run usage = as(qian, "seal", "usage", seal);
        assertThat(usage.out()).startsWith("STAMPED AT").contains(KEEPER);
        Run list = as(qian, "seal", "list", "--status", "ACTIVE");
        assertThat(list.out()).startsWith("ID").contains(seal).contains("发票专用章");
        assertThat(as(lina, "seal", "list").out()).contains(seal);
    }

    @Test
    void anSm2SealsElectronicSeal() throws Exception {
        Run created = as(zhao, "seal", "create", "--name", "国密合同章", "--organization", "示例局", "--type", "CONTRACT",
                "--algorithm", "SM2", "--keeper", KEEPER);
        assertThat(created.exitCode()).as(created.toString()).isZero();
        String seal = created.out().strip();
        assertThat(as(qian, "seal", "approve", seal).exitCode()).isZero();
        Path eseal = dir.resolve("sm2.eseal");
        Run run = as(qian, "seal", "eseal", seal, "--out", eseal.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(Files.readAllBytes(eseal)[0]).isEqualTo((byte) 0x30);   // a DER SEQUENCE
    }

    @Test
    void verifyTellsWhatChangedAfterTheStamp() throws Exception {
        String seal = createAndApprove("审批专用章");
        Path letter = Files.write(dir.resolve("reply.pdf"), TestFiles.pdf());
        Path stamped = dir.resolve("reply-stamped.pdf");
        Run stamp = as(lina, "seal", "stamp", "--seal", seal, "--in", letter.toString(), "--out", stamped.toString(),
                "--page", "1", "--x", "400", "--y", "80");
        assertThat(stamp.exitCode()).as(stamp.toString()).isZero();
        // After the stamp, the page's content is replaced in an incremental update: the stamp still covers its revision.
        Path changed = dir.resolve("reply-changed.pdf");
        try (PDDocument document = Loader.loadPDF(stamped.toFile()); var out = Files.newOutputStream(changed)) {
            PDPage page = document.getPage(0);
            COSStream content = document.getDocument().createCOSStream();
            try (var stream = content.createOutputStream()) {
                stream.write("BT /F1 18 Tf 72 700 Td (Rejected) Tj ET".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            page.getCOSObject().setItem(COSName.CONTENTS, content);
            page.getCOSObject().setNeedToBeUpdated(true);
            document.getPages().getCOSObject().setNeedToBeUpdated(true);
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            document.saveIncremental(out);
        }

        Run verified = services.fujie("verify", changed.toString());

        assertThat(verified.exitCode()).as(verified.toString()).isIn(ExitCode.FAILED, ExitCode.INDETERMINATE);
        assertThat(verified.out()).contains("审批专用章").contains("covers:              not the whole document; changed after signing:")
                .contains("NOT allowed");
    }

    private static String createAndApprove(String name) {
        Run created = as(zhao, "seal", "create", "--name", name, "--organization", "示例局", "--type", "CONTRACT", "--keeper", KEEPER);
        assertThat(created.exitCode()).as(created.toString()).isZero();
        String seal = created.out().strip();
        Run approved = as(qian, "seal", "approve", seal);
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        assertThat(approved.out()).contains("ACTIVE");
        return seal;
    }

    private static Path keygen(String name, String profile, String subject) {
        Path p12 = dir.resolve(name + ".p12");
        Run run = services.fujie("cert", "keygen", "--profile", profile, "--subject", subject, "--algorithm", "EC-P256",
                "--out", p12.toString(), "--p12-password", PASSWORD);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("serial:").contains(subject);
        return p12;
    }

    private static void grant(String subject, String role) {
        Run run = services.fujie("principals", "add", "--service", "seal-service", "--subject", subject, "--role", role);
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    private static Run as(Path p12, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--cert", p12.toString(), "--password", PASSWORD));
        return services.fujie(all.toArray(String[]::new));
    }
}
