package org.fujie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.fujie.ca.support.FreePorts;
import org.fujie.cli.CliTestServices.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input for every verb: an unknown flag, a missing file, a wrong PKCS#12 password, a service that does not listen.
 * Each gives exactly one line on stderr, no stack trace, and the documented exit code; --debug shows the trace.
 */
class CliBadInputTests {

    private static CliTestServices services;
    private static Path dir;
    private static String csr;
    private static String pdf;
    private static String certificate;
    private static String csv;

    @BeforeAll
    static void files() throws Exception {
        services = CliTestServices.get();
        dir = Files.createTempDirectory("fujie-cli-bad");
        csr = Files.writeString(dir.resolve("web.csr"), TestFiles.csr("CN=web.intranet")).toString();
        pdf = Files.write(dir.resolve("letter.pdf"), TestFiles.pdf()).toString();
        certificate = Files.copy(services.dataDir().resolve("bootstrap/trust-chain.pem"), dir.resolve("ca.pem")).toString();
        csv = Files.writeString(dir.resolve("rows.csv"), "tls-client,\"CN=Bulk,O=Fujie\",EC-P256\n").toString();
    }

    /** Every verb with arguments that would work against running services. */
    static Stream<Arguments> verbs() {
        String out = "target/bad-input-out";
        return Stream.of(
                verb("ca", "list"), verb("ca", "show", "issuing"), verb("ca", "create", "--id", "x", "--subject", "CN=x", "--algorithm", "EC-P256"),
                verb("cert", "issue", "--profile", "tls-server", "--csr", csr),
                verb("cert", "keygen", "--profile", "tls-client", "--subject", "CN=x", "--algorithm", "EC-P256", "--out", out + "/x.p12",
                        "--p12-password", "change-me-now"),
                verb("cert", "revoke", "01", "--reason", "keyCompromise"), verb("cert", "release", "01"), verb("cert", "show", "01"),
                verb("cert", "search", "--profile", "tls-server"),
                verb("cert", "bulk-issue", "--csv", csv, "--out-dir", out, "--p12-password", "change-me-now"),
                verb("keys", "generate", "--alias", "ca-x", "--algorithm", "EC-P256"), verb("keys", "show", "ca-x"),
                verb("seal", "create", "--name", "n", "--organization", "o"), verb("seal", "approve", "s1"), verb("seal", "suspend", "s1"),
                verb("seal", "resume", "s1"), verb("seal", "renew", "s1"), verb("seal", "revoke", "s1"), verb("seal", "list"),
                verb("seal", "show", "s1"), verb("seal", "usage", "s1"), verb("seal", "eseal", "s1", "--out", out + "/s1.eseal"),
                verb("seal", "stamp", "--seal", "s1", "--in", pdf, "--out", out + "/s.pdf", "--page", "1", "--x", "10", "--y", "10"),
                verb("verify", pdf), verb("validate", certificate), verb("timestamp", pdf, "--out", out + "/t.tsr"), verb("login"),
                verb("audit", "verify"), verb("audit", "export"), verb("principals", "list"),
                verb("principals", "add", "--subject", "CN=x", "--role", "AUDITOR"), verb("principals", "remove", "p1"),
                verb("trust-anchors", "list"), verb("trust-anchors", "add", certificate), verb("trust-anchors", "remove", "a1"));
    }

    private static Arguments verb(String... args) {
        return Arguments.of(String.join(" ", Arrays.copyOf(args, Math.min(2, args.length))), args);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void anUnknownFlagIsAUsageError(String name, String[] args) {
        Run run = services.fujie(with(args, "--no-such-flag"));
        assertOneLine(run, ExitCode.USAGE);
        assertThat(run.err()).contains("--no-such-flag").contains("--help");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void anUnreachableServiceIsUnavailable(String name, String[] args) {
        String closed = "127.0.0.1:" + FreePorts.any();
        Run run = services.fujie(with(args, "--ca-url", "https://" + closed, "--seal-url", "https://" + closed,
                "--trust-url", "https://" + closed, "--tsa-url", "http://" + closed + "/tsa"));
        // audit verify reports each service on stdout and says "not verified" (2), as the bash verb did.
        assertOneLine(run, name.equals("audit verify") ? ExitCode.INDETERMINATE : ExitCode.UNAVAILABLE);
        if (!name.equals("audit verify")) {
            assertThat(run.err()).contains("cannot reach").contains(closed).contains("./fujie status");
        }
    }

    /** The TSA takes no credential, so timestamp never opens the PKCS#12. */
    static Stream<Arguments> verbsWithACredential() {
        return verbs().filter(a -> !a.get()[0].toString().startsWith("timestamp"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbsWithACredential")
    void aWrongPasswordIsAnAuthenticationFailure(String name, String[] args) {
        Run run = services.fujie(with(args, "--password", "not-the-password"));
        assertOneLine(run, name.equals("audit verify") ? ExitCode.INDETERMINATE : ExitCode.NO_PERMISSION);
        assertThat(run.err()).contains(name.equals("audit verify") ? "not verified" : "wrong password for admin.p12");
    }

    static Stream<Arguments> missingFiles() {
        String missing = "target/no-such-file";
        return Stream.of(
                Arguments.of((Object) new String[] {"cert", "issue", "--profile", "tls-server", "--csr", missing}),
                Arguments.of((Object) new String[] {"cert", "keygen", "--profile", "tls-client", "--subject", "CN=x", "--algorithm", "EC-P256",
                        "--out", "target/x.p12", "--p12-password-file", missing}),
                Arguments.of((Object) new String[] {"cert", "bulk-issue", "--csv", missing}),
                Arguments.of((Object) new String[] {"seal", "create", "--name", "n", "--organization", "o", "--image", missing}),
                Arguments.of((Object) new String[] {"seal", "stamp", "--seal", "s1", "--in", missing, "--out", "target/s.pdf", "--page", "1",
                        "--x", "1", "--y", "1"}),
                Arguments.of((Object) new String[] {"verify", missing}),
                Arguments.of((Object) new String[] {"verify", "PDF", "--detached", missing}),
                Arguments.of((Object) new String[] {"validate", missing}),
                Arguments.of((Object) new String[] {"timestamp", missing}),
                Arguments.of((Object) new String[] {"trust-anchors", "add", missing}),
                Arguments.of((Object) new String[] {"--cert", missing + ".p12", "--password", "x", "ca", "list"}),
                Arguments.of((Object) new String[] {"--trust-chain", missing + ".pem", "seal", "list"}),
                Arguments.of((Object) new String[] {"--password-file", missing, "principals", "list"}));
    }

    @ParameterizedTest
    @MethodSource("missingFiles")
    void aMissingFileIsNoInput(String[] args) {
        String[] resolved = Arrays.stream(args).map(a -> a.equals("PDF") ? pdf : a).toArray(String[]::new);
        Run run = services.fujie(resolved);
        assertOneLine(run, ExitCode.NO_INPUT);
        assertThat(run.err()).contains("no-such-file");
    }

    @Test
    void aMissingRequiredOptionIsAUsageError() {
        Run run = services.fujie("cert", "issue", "--profile", "tls-server");
        assertOneLine(run, ExitCode.USAGE);
        assertThat(run.err()).contains("--csr");
    }

    @Test
    void anUnknownVerbIsAUsageError() {
        assertOneLine(services.fujie("frobnicate"), ExitCode.USAGE);
    }

    @Test
    void aProblemFromTheServiceIsShownAsItsTitleAndDetail() {
        Run run = services.fujie("cert", "show", "00ff00ff");
        assertOneLine(run, ExitCode.REFUSED);
        assertThat(run.err()).startsWith("fujie: ca-service refused: ");
    }

    @Test
    void debugShowsTheStackTrace() {
        String closed = "https://127.0.0.1:" + FreePorts.any();
        Run run = services.fujie("--debug", "ca", "list", "--ca-url", closed);
        assertThat(run.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(run.err()).contains("FujieTransportException").contains("at org.fujie.");
        assertThat(run.err().strip().lines().reduce((a, b) -> b).orElseThrow()).startsWith("fujie: cannot reach ca-service at " + closed);
    }

    private static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    static void assertOneLine(Run run, int exitCode) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        assertThat(run.errLines()).as(run.toString()).isEqualTo(1);
        assertThat(run.out() + run.err()).as(run.toString()).doesNotContain("Exception").doesNotContain("at org.");
        if (!run.err().startsWith("[")) {
            assertThat(run.err()).startsWith("fujie: ");
        }
    }
}
