package org.fujie.pki.operator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SoftHSM2 token for tests: the configuration file named by SOFTHSM2_CONF (set by the build) keeps tokens under the
 * build directory, and each call makes a fresh token with softhsm2-util (Debian package softhsm2, which .ci/run
 * installs). Tokens must be made before the first PKCS#11 provider of the library starts in this JVM: the library
 * reads its slots when it is initialised.
 */
public final class SoftHsm {

    public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    public static final String PIN = "1234-token-pin";
    private static final Pattern SLOT = Pattern.compile("reassigned to slot (\\d+)");

    /** A token: its label, and the PKCS#11 slot id it got. */
    public record Token(String label, long slot) {
    }

    private SoftHsm() {
    }

    public static synchronized Token newToken() throws IOException, InterruptedException {
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            throw new IllegalStateException("SOFTHSM2_CONF is not set (the build sets it for the tests)");
        }
        Path tokens = Path.of(conf).resolveSibling("tokens");
        Files.createDirectories(tokens);
        if (!Files.exists(Path.of(conf))) {
            Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        }
        String label = "fujie-" + UUID.randomUUID().toString().substring(0, 8);
        Process process = new ProcessBuilder(List.of("softhsm2-util", "--init-token", "--free", "--label", label,
                "--pin", PIN, "--so-pin", "5678-so-pin")).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("softhsm2-util failed: " + output);
        }
        Matcher slot = SLOT.matcher(output);
        if (!slot.find()) {
            throw new IllegalStateException("no slot in softhsm2-util's answer: " + output);
        }
        return new Token(label, Long.parseLong(slot.group(1)));
    }
}
