package org.fujie.pki.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.fujie.pki.TestCertificates.Issued;

/**
 * poppler's pdfsig (an independent PDF reader and NSS verifier, shared/FACTS.md) over an NSS database in a test's
 * folder that trusts the given CAs.
 */
public final class Pdfsig {

    private final Path directory;

    private Pdfsig(Path directory) {
        this.directory = directory;
    }

    public static boolean installed() {
        return Files.isExecutable(Path.of("/usr/bin/pdfsig")) && Files.isExecutable(Path.of("/usr/bin/certutil"));
    }

    /** A new NSS database in the folder, trusting each CA for signatures ("CT,C,C"). */
    public static Pdfsig trusting(Path directory, Issued... cas) throws Exception {
        return trusting(directory, java.util.Arrays.stream(cas).map(Issued::pem).toList());
    }

    /** The same, from the PEM of each CA certificate (the blocks of a chain file split apart). */
    public static Pdfsig trusting(Path directory, List<String> caPems) throws Exception {
        run("certutil", "-N", "-d", "sql:" + directory, "--empty-password");
        for (int i = 0; i < caPems.size(); i++) {
            Path pem = directory.resolve("ca-" + i + ".pem");
            Files.writeString(pem, caPems.get(i));
            run("certutil", "-A", "-d", "sql:" + directory, "-n", "ca-" + i, "-t", "CT,C,C", "-i", pem.toString());
        }
        return new Pdfsig(directory);
    }

    /** pdfsig's report on the document (it exits 0 even on a digest mismatch: read the text). */
    public String check(byte[] pdf) throws Exception {
        Path file = Files.createTempFile(directory, "doc", ".pdf");
        Files.write(file, pdf);
        return run("pdfsig", "-nssdir", "sql:" + directory, file.toString());
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
