package org.fujie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.fujie.cli.CliTestServices.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** --output json|table|pem, bulk issuance with a bad row, and the verbs around certificates and trust. */
class CliOutputAndBulkTests {

    private static CliTestServices services;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        services = CliTestServices.get();
        dir = Files.createTempDirectory("fujie-cli-output");
    }

    @Test
    void caListAsTableJsonAndPem() {
        Run table = services.fujie("ca", "list");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out().lines().findFirst().orElseThrow()).startsWith("ID").contains("ALGORITHM").contains("SUBJECT");
        assertThat(table.out()).contains("root").contains("issuing");

        Run json = services.fujie("ca", "list", "--output", "json");
        JsonNode cas = Output.json().readTree(json.out());
        assertThat(cas.isArray()).isTrue();
        assertThat(Stream.of(cas.get(0), cas.get(1)).map(n -> n.get("id").asString())).contains("root", "issuing");

        Run pem = services.fujie("--output", "pem", "ca", "show", "issuing");
        assertThat(pem.out()).startsWith("-----BEGIN CERTIFICATE-----").endsWith("-----END CERTIFICATE-----\n");

        // A list of CAs is no certificate: pem is refused as a usage error.
        CliBadInputTests.assertOneLine(services.fujie("ca", "list", "--output", "pem"), ExitCode.USAGE);
    }

    @Test
    void issueFromACsrThenShowSearchRevokeAndValidate() throws Exception {
        Path csr = Files.writeString(dir.resolve("web.csr"), TestFiles.csr("CN=web.intranet.example,O=Example Bureau"));
        Path crt = dir.resolve("web.crt");
        Run issued = services.fujie("cert", "issue", "--profile", "tls-server", "--csr", csr.toString(), "--san", "dns:web.intranet.example",
                "--out", crt.toString(), "--output", "json");
        assertThat(issued.exitCode()).as(issued.toString()).isZero();
        JsonNode certificate = Output.json().readTree(issued.out());
        String serial = certificate.get("serialNumber").asString();
        assertThat(certificate.get("status").asString()).isEqualTo("VALID");
        assertThat(Files.readString(crt)).startsWith("-----BEGIN CERTIFICATE-----").contains("-----END CERTIFICATE-----\n-----BEGIN");

        assertThat(services.fujie("cert", "show", serial, "--output", "pem").out()).isEqualTo(certificate.get("certificatePem").asString());
        Run search = services.fujie("cert", "search", "--subject", "web.intranet.example", "--profile", "tls-server", "--size", "5");
        assertThat(search.out()).startsWith("SERIAL").contains(serial).contains(" of ");
        JsonNode page = Output.json().readTree(services.fujie("cert", "search", "--profile", "tls-server", "--output", "json").out());
        assertThat(page.get("total").asLong()).isPositive();

        Path leaf = Files.writeString(dir.resolve("leaf.pem"), certificate.get("certificatePem").asString());
        Run valid = services.fujie("validate", leaf.toString(), "--purpose", "TLS_SERVER");
        assertThat(valid.exitCode()).as(valid.toString()).isZero();
        assertThat(valid.out()).startsWith("TOTAL_PASSED");

        Run revoked = services.fujie("cert", "revoke", serial, "--reason", "keyCompromise");
        assertThat(revoked.exitCode()).as(revoked.toString()).isZero();
        assertThat(revoked.out()).startsWith(serial + "  REVOKED");
        Run repeat = services.fujie("cert", "revoke", serial, "--reason", "keyCompromise");
        assertThat(repeat.out()).contains("(unchanged)");
    }

    @Test
    void bulkIssueGoesOnPastABadRowAndSaysWhichFailed() throws Exception {
        Files.writeString(dir.resolve("a.csr"), TestFiles.csr("CN=bulk-csr.intranet,O=Example Bureau"));
        Path rows = Files.writeString(dir.resolve("rows.csv"), String.join("\n",
                "profile,subject,algorithm",
                "tls-client,\"CN=Bulk One,O=Example Bureau\",EC-P256",
                "no-such-profile,\"CN=Bulk Two,O=Example Bureau\",EC-P256",
                "tls-client,a.csr",
                ""));
        Path out = dir.resolve("issued");
        Run run = services.fujie("cert", "bulk-issue", "--csv", rows.toString(), "--out-dir", out.toString(), "--p12-password", "change-me-now");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.REFUSED);
        assertThat(run.err().lines().toList()).hasSize(3).satisfiesExactly(
                l -> assertThat(l).startsWith("[1/3] line 2: issued "),
                l -> assertThat(l).startsWith("[2/3] line 3: FAILED: ca-service refused"),
                l -> assertThat(l).startsWith("[3/3] line 4: issued "));
        assertThat(run.out()).startsWith("issued 2 of 3, failed 1:").contains("line 3: ");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).hasSize(2)
                    .anySatisfy(n -> assertThat(n).startsWith("2-").endsWith(".p12"))
                    .anySatisfy(n -> assertThat(n).startsWith("4-").endsWith(".pem"));
        }
    }

    @Test
    void principalsAndTrustAnchorsRoundTrip() throws Exception {
        Run added = services.fujie("principals", "add", "--service", "trust-service", "--subject", "CN=Auditor Wu,O=Example Bureau",
                "--role", "AUDITOR", "--output", "json");
        assertThat(added.exitCode()).as(added.toString()).isZero();
        String id = Output.json().readTree(added.out()).get("id").asString();
        assertThat(services.fujie("principals", "list", "--service", "trust-service").out()).contains("CN=Auditor Wu").contains("AUDITOR");
        assertThat(services.fujie("principals", "remove", "--service", "trust-service", id).exitCode()).isZero();
        assertThat(services.fujie("principals", "list", "--service", "trust-service").out()).doesNotContain("CN=Auditor Wu");

        Run anchors = services.fujie("trust-anchors", "list", "--output", "json");
        assertThat(anchors.exitCode()).as(anchors.toString()).isZero();
        assertThat(Output.json().readTree(anchors.out()).isArray()).isTrue();
    }

    @Test
    void auditVerifySaysEachServiceIsIntact() {
        Run run = services.fujie("audit", "verify");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines()).hasSize(3).allSatisfy(l -> assertThat(l).contains(": intact, "));
        Run export = services.fujie("audit", "export", "--service", "ca-service");
        assertThat(export.out().lines().findFirst().orElseThrow()).startsWith("{");
    }

    @Test
    void loginPrintsATokenOtherCommandsAccept() {
        Path p12 = dir.resolve("wu.p12");
        assertThat(services.fujie("cert", "keygen", "--profile", "user-auth", "--subject", "CN=Login Wu,O=Example Bureau", "--algorithm",
                "EC-P256", "--out", p12.toString(), "--p12-password", "change-me-now").exitCode()).isZero();
        assertThat(services.fujie("principals", "add", "--service", "trust-service", "--subject", "CN=Login Wu,O=Example Bureau",
                "--role", "AUDITOR").exitCode()).isZero();
        Run login = services.fujie("login", "--cert", p12.toString(), "--password", "change-me-now");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        String token = login.out().strip();
        assertThat(token.split("\\.")).hasSize(3);
        Run anchors = services.fujie("trust-anchors", "list", "--token", token);
        assertThat(anchors.exitCode()).as(anchors.toString()).isZero();
        assertThat(anchors.out()).startsWith("ID");
    }

    @Test
    void timestampWritesAReplyForTheFile() throws Exception {
        Path doc = Files.writeString(dir.resolve("minutes.txt"), "minutes of the meeting");
        Run run = null;
        // The TSA gets its certificate from ca-service shortly after start.
        for (int attempt = 0; attempt < 50; attempt++) {
            run = services.fujie("timestamp", doc.toString());
            if (run.exitCode() != ExitCode.UNAVAILABLE) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("time:").contains("serial:");
        assertThat(dir.resolve("minutes.txt.tsr")).isNotEmptyFile();
    }

    @Test
    void theKeyCeremonyAndACaFromIt() {
        Run key = services.fujie("keys", "generate", "--alias", "ca-cli-ceremony", "--algorithm", "EC-P256");
        assertThat(key.exitCode()).as(key.toString()).isZero();
        assertThat(key.out()).contains("fingerprint: SHA-256 ").contains("used by CA:  none").contains("-----BEGIN PUBLIC KEY-----");
        Run made = services.fujie("ca", "create", "--id", "cli-ceremony", "--subject", "CN=CLI Ceremony Root,O=Fujie",
                "--key-alias", "ca-cli-ceremony", "--validity-days", "365");
        assertThat(made.exitCode()).as(made.toString()).isZero();
        assertThat(made.out()).contains("CA:").contains("cli-ceremony").contains("ca-cli-ceremony");
        assertThat(services.fujie("keys", "show", "ca-cli-ceremony").out()).contains("used by CA:  cli-ceremony");
        // --algorithm and --key-alias exclude each other
        CliBadInputTests.assertOneLine(services.fujie("ca", "create", "--id", "x", "--subject", "CN=x", "--algorithm", "EC-P256",
                "--key-alias", "ca-x"), ExitCode.USAGE);
    }

    @Test
    void completionPrintsABashScript() {
        Run run = services.fujie("completion");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("#!/usr/bin/env bash").contains("seal").contains("complete -F _complete_fujie -o default ./fujie");
    }

    @Test
    void helpListsTheExitCodes() {
        Run run = services.fujie("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Exit codes:").contains("64  bad usage").contains("77  authentication");
        // A verb's help shows its own options, names the global ones, and has an example.
        Run stamp = services.fujie("seal", "stamp", "--help");
        assertThat(stamp.out()).contains("--keyword=K").contains("global options").contains("Examples:").contains("Exit codes:");
        assertThat(stamp.out().lines().filter(l -> l.contains("--trust-url=URL"))).isEmpty();
    }
}
