package org.fujie.ca.support.browser;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Chromium's managed policy AutoSelectCertificateForUrls for one origin, so the browser presents its client certificate
 * without asking (a headless browser cannot be asked). Chromium on Linux reads managed policies only from
 * /etc/chromium/policies/managed, so the file is written there (tests run as root, as in CI) and removed on close.
 */
final class ChromiumPolicy implements AutoCloseable {

    static final Path MANAGED = Path.of("/etc/chromium/policies/managed");

    private final Path file;

    private ChromiumPolicy(Path file) {
        this.file = file;
    }

    /** The policy for the origin (scheme, host, port): the first certificate that fits, here the only one. */
    static ChromiumPolicy autoSelectCertificateFor(String origin) {
        String rule = "{\\\"pattern\\\":\\\"" + origin + "\\\",\\\"filter\\\":{}}";
        String json = "{\"AutoSelectCertificateForUrls\": [\"" + rule + "\"]}\n";
        Path file = MANAGED.resolve("fujie-console-tests-" + UUID.randomUUID() + ".json");
        try {
            Files.createDirectories(MANAGED);
            removeLeftovers();
            Files.writeString(file, json);
        } catch (AccessDeniedException e) {
            throw new IllegalStateException("the console's browser tests write Chromium's managed policy under " + MANAGED
                    + " so that it presents client certificates without asking: run them as root (CI does)", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write Chromium's policy " + file + ": " + e.getMessage(), e);
        }
        return new ChromiumPolicy(file);
    }

    /** Policies of runs that were killed before they could remove theirs (an hour is longer than any test class). */
    private static void removeLeftovers() throws IOException {
        java.time.Instant old = java.time.Instant.now().minus(java.time.Duration.ofHours(1));
        try (java.util.stream.Stream<Path> files = Files.list(MANAGED)) {
            for (Path leftover : files.filter(f -> f.getFileName().toString().startsWith("fujie-console-tests-")).toList()) {
                if (Files.getLastModifiedTime(leftover).toInstant().isBefore(old)) {
                    Files.deleteIfExists(leftover);
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove Chromium's policy " + file, e);
        }
    }
}
