package org.fujie.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ./fujie's own verbs need nothing built: help and status answer from bash alone. (Verbs that run the Java command line
 * are not run through the script here: during the build its jar does not exist yet, and the script would build it.)
 */
class FujieScriptTests {

    private static final Path SCRIPT = Path.of("../../fujie").toAbsolutePath().normalize();

    @TempDir
    Path data;

    @Test
    void helpNamesTheScriptsVerbsAndTheCommandLines() throws Exception {
        Result help = run("help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("start", "stop", "status", "keys rotate-passphrase", "cert issue|keygen", "seal create",
                "./fujie --help");
    }

    @Test
    void statusOfAStackNeverStartedSaysStoppedWithExit3() throws Exception {
        Result status = run("status");
        assertThat(status.exitCode()).isEqualTo(3);
        assertThat(status.out()).contains("ca-service  stopped", "seal-service  stopped", "trust-service  stopped");
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("FUJIE_DATA_DIR", data.toString());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out);
    }

    private record Result(int exitCode, String out) {
    }
}
