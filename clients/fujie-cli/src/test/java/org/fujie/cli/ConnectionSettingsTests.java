package org.fujie.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** Where settings come from: a flag, else the environment, else ./fujie start's data folder and the CONTRACT ports. */
class ConnectionSettingsTests {

    @TempDir
    Path dir;

    private static ConnectionSettings settings(Map<String, String> env, String... flags) {
        CliContext context = new CliContext(env);
        CommandLine commandLine = FujieCli.commandLine(context);
        commandLine.parseArgs(flags);
        return context.settings();
    }

    @Test
    void defaultsAreTheLocalStack() {
        ConnectionSettings s = settings(Map.of());
        assertThat(s.caUrl()).isEqualTo("https://127.0.0.1:8443");
        assertThat(s.sealUrl()).isEqualTo("https://127.0.0.1:8444");
        assertThat(s.trustUrl()).isEqualTo("https://127.0.0.1:8445");
        assertThat(s.tsaUrl()).isEqualTo("http://127.0.0.1:8082/tsa");
        assertThat(s.trustChain()).isEqualTo(Path.of("data/bootstrap/trust-chain.pem"));
        assertThat(s.defaultCertificate()).isEqualTo(Path.of("data/bootstrap/admin.p12"));
        assertThat(s.givenCertificate()).isNull();
        assertThat(s.token()).isNull();
    }

    @Test
    void thePortVariablesOfTheScriptMoveTheDefaults() {
        ConnectionSettings s = settings(Map.of("CA_SERVICE_PORT", "9443", "SEAL_SERVICE_PORT", "9444", "TRUST_SERVICE_PORT", "9445",
                "FUJIE_DATA_DIR", "/srv/fujie"));
        assertThat(s.caUrl()).isEqualTo("https://127.0.0.1:9443");
        assertThat(s.sealUrl()).isEqualTo("https://127.0.0.1:9444");
        assertThat(s.trustUrl()).isEqualTo("https://127.0.0.1:9445");
        assertThat(s.trustChain()).isEqualTo(Path.of("/srv/fujie/bootstrap/trust-chain.pem"));
    }

    @Test
    void environmentBeatsDefaultsAndFlagsBeatEnvironment() {
        Map<String, String> env = Map.of("FUJIE_CA_URL", "https://ca.intranet:8443", "FUJIE_DATA", "/env/data", "FUJIE_DATA_DIR", "/other",
                "FUJIE_CERT", "/env/me.p12", "FUJIE_TOKEN", "env-token");
        ConnectionSettings fromEnv = settings(env);
        assertThat(fromEnv.caUrl()).isEqualTo("https://ca.intranet:8443");
        assertThat(fromEnv.dataDir()).isEqualTo(Path.of("/env/data"));
        assertThat(fromEnv.givenCertificate()).isEqualTo(Path.of("/env/me.p12"));
        assertThat(fromEnv.token()).isEqualTo("env-token");

        ConnectionSettings fromFlags = settings(env, "--ca-url", "https://flag:1", "--data", "/flag/data", "--cert", "/flag/me.p12",
                "--token", "flag-token", "--trust-chain", "/flag/chain.pem");
        assertThat(fromFlags.caUrl()).isEqualTo("https://flag:1");
        assertThat(fromFlags.dataDir()).isEqualTo(Path.of("/flag/data"));
        assertThat(fromFlags.givenCertificate()).isEqualTo(Path.of("/flag/me.p12"));
        assertThat(fromFlags.token()).isEqualTo("flag-token");
        assertThat(fromFlags.trustChain()).isEqualTo(Path.of("/flag/chain.pem"));
    }

    @Test
    void thePasswordComesFromTheFlagTheFileTheEnvironmentOrAdminPass() throws Exception {
        Path p12 = dir.resolve("admin.p12");
        Files.writeString(dir.resolve("admin.pass"), "from-admin-pass\n");
        Path file = Files.writeString(dir.resolve("pass.txt"), "from-file\nsecond line\n");
        assertThat(settings(Map.of()).password(p12, true)).isEqualTo("from-admin-pass".toCharArray());
        assertThat(settings(Map.of("FUJIE_CERT_PASSWORD", "from-env")).password(p12, true)).isEqualTo("from-env".toCharArray());
        assertThat(settings(Map.of("FUJIE_CERT_PASSWORD", "from-env"), "--password-file", file.toString()).password(p12, true))
                .isEqualTo("from-file".toCharArray());
        assertThat(settings(Map.of(), "--password", "from-flag", "--password-file", file.toString()).password(p12, true))
                .isEqualTo("from-flag".toCharArray());
        assertThatThrownBy(() -> settings(Map.of()).password(dir.resolve("someone.p12"), false)).isInstanceOfSatisfying(CliException.class,
                e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @Test
    void aPortThatIsNoNumberIsAUsageError() {
        assertThatThrownBy(() -> settings(Map.of("CA_SERVICE_PORT", "eighty")).caUrl()).isInstanceOfSatisfying(CliException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).contains("CA_SERVICE_PORT");
        });
    }
}
