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

    private KeyPassphrase() {
    }

    public static char[] resolve(Path dataDir) {
        String fromEnvironment = System.getenv(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.toCharArray();
        }
        return secretFile(dataDir.resolve("secrets").resolve("key-passphrase"));
    }

    /** Reads a generated secret, creating it (32 random bytes, base64, mode 0600) if it does not exist. */
    public static char[] secretFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                SecureFiles.writeOwnerOnly(file, Base64.getUrlEncoder().withoutPadding().encode(random));
            }
            return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read secret file " + file, e);
        }
    }
}
