package org.fujie.ca.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a tool the deployment is checked with (kubectl, systemd-analyze) and keeps what it printed. */
record ExternalTool(int exitCode, String stdout, String stderr) {

    static ExternalTool run(List<String> command) throws IOException, InterruptedException {
        String tool = command.get(0);
        if (!onPath(tool)) {
            throw new IllegalStateException(tool + " is not installed: the deployment files are checked with it "
                    + "(.ci/run installs it; apt-get install kubernetes-client systemd)");
        }
        Path out = Files.createTempFile("tool", ".out");
        Path err = Files.createTempFile("tool", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 120 s");
            }
            return new ExternalTool(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static boolean onPath(String tool) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
