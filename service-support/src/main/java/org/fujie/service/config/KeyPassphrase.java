package org.fujie.service.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import org.fujie.pki.x509.SecureFiles;

/**
 * The passphrase that encrypts software keys: from the environment variable FUJIE_KEY_PASSPHRASE
 * in production, otherwise from {@code <data>/secrets/key-passphrase}, generated on first use with
 * mode 0600. Never logged.
 */
public final class KeyPassphrase {

    public static final String ENVIRONMENT_VARIABLE = "FUJIE_KEY_PASSPHRASE";

    /** During a rotation: the passphrase keys may still be encrypted with (FUJIE_KEY_PASSPHRASE is the new one). */
    public static final String PREVIOUS_ENVIRONMENT_VARIABLE = "FUJIE_KEY_PASSPHRASE_PREVIOUS";

    private KeyPassphrase() {
    }

    public static char[] resolve(Path dataDir) {
        String fromEnvironment = System.getenv(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.toCharArray();
        }
        return secretFile(dataDir.resolve("secrets").resolve("key-passphrase"));
    }

    /**
     * The passphrase being rotated away from, or null when no rotation is under way: FUJIE_KEY_PASSPHRASE_PREVIOUS,
     * or {@code <data>/secrets/key-passphrase.previous} (which {@code ./fujie keys rotate-passphrase} leaves).
     */
    public static char[] previous(Path dataDir) {
        String fromEnvironment = System.getenv(PREVIOUS_ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.toCharArray();
        }
        Path file = dataDir.resolve("secrets").resolve("key-passphrase.previous");
        return Files.exists(file) ? read(file) : null;
    }

    /** Reads a generated secret, creating it (32 random bytes, base64, mode 0600) if it does not exist. */
    public static char[] secretFile(Path file) {
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            SecureFiles.writeOwnerOnly(file, Base64.getUrlEncoder().withoutPadding().encode(random));
        }
        return read(file);
    }

    private static char[] read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read secret file " + file, e);
        }
    }
}
