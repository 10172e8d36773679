package org.fujie.service.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.fujie.pki.operator.Backoff;
import org.fujie.pki.operator.KeyBackend;
import org.fujie.pki.operator.KeyBackendException;
import org.fujie.pki.operator.Pkcs11KeyBackend;
import org.fujie.pki.operator.ResilientKeyBackend;
import org.fujie.pki.operator.RoutingKeyBackend;
import org.fujie.pki.operator.SoftwareKeyBackend;
import org.fujie.pki.operator.vault.VaultSettings;
import org.fujie.pki.operator.vault.VaultTransitKeyBackend;
import org.fujie.service.config.KeyPassphrase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Builds a service's keys from {@code fujie.keys.*}: the software backend in its folder, each declared backend opened
 * lazily (so a missing HSM or Vault makes its keys unavailable instead of stopping the service), and the routes.
 * Usable before the application context exists (the bootstrap makes CA keys while the environment is prepared).
 */
public final class KeyBackends {

    private static final Logger log = LoggerFactory.getLogger(KeyBackends.class);

    public static final String SOFTWARE = "software";

    private KeyBackends() {
    }

    public static RoutingKeyBackend open(Environment environment, Path dataDir, Path softwareDirectory) {
        return open(Binder.get(environment), dataDir, softwareDirectory);
    }

    /** The service's keys; software keys still under the previous passphrase (a rotation) are re-encrypted first. */
    public static RoutingKeyBackend open(Binder binder, Path dataDir, Path softwareDirectory) {
        KeyBackendSettings settings = binder.bind(KeyBackendSettings.PREFIX, KeyBackendSettings.class)
                .orElseGet(KeyBackendSettings::new);
        SoftwareKeyBackend software = new SoftwareKeyBackend(softwareDirectory, KeyPassphrase.resolve(dataDir));
        char[] previous = KeyPassphrase.previous(dataDir);
        if (previous != null) {
            SoftwareKeyBackend.Rotation rotation = software.reencryptFrom(previous);
            log.info("key passphrase rotation in {}: {} keys re-encrypted, {} already current", softwareDirectory,
                    rotation.reencrypted().size(), rotation.alreadyCurrent().size());
        }
        Map<String, KeyBackend> backends = new LinkedHashMap<>();
        backends.put(SOFTWARE, software);
        settings.getBackends().forEach((name, definition) -> {
            if (SOFTWARE.equals(name)) {
                throw new KeyBackendException("fujie.keys.backends." + SOFTWARE + " is built in and cannot be redefined");
            }
            backends.put(name, new ResilientKeyBackend(name, () -> create(name, definition), backoff(settings)));
        });
        return new RoutingKeyBackend(backends, settings.getBackend(), settings.getRoutes(), () -> backoff(settings));
    }

    private static Backoff backoff(KeyBackendSettings settings) {
        return new Backoff(settings.getRetryFirst(), settings.getRetryMax(), Clock.systemUTC());
    }

    private static KeyBackend create(String name, KeyBackendSettings.Definition definition) {
        String type = definition.getType() == null ? "" : definition.getType().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "pkcs11" -> pkcs11(name, definition);
            case "vault" -> vault(name, definition);
            default -> throw new KeyBackendException("fujie.keys.backends." + name + ".type must be pkcs11 or vault (is '"
                    + definition.getType() + "')");
        };
    }

    private static KeyBackend pkcs11(String name, KeyBackendSettings.Definition definition) {
        String where = "fujie.keys.backends." + name;
        if (definition.getLibrary() == null) {
            throw new KeyBackendException(where + ".library is not set");
        }
        char[] pin = pin(where, definition);
        if (definition.getSlot() != null) {
            return Pkcs11KeyBackend.open(definition.getLibrary(), definition.getSlot(), pin);
        }
        if (definition.getTokenLabel() != null) {
            return Pkcs11KeyBackend.openByLabel(definition.getLibrary(), definition.getTokenLabel(), pin);
        }
        throw new KeyBackendException(where + " needs a slot or a token-label");
    }

    private static char[] pin(String where, KeyBackendSettings.Definition definition) {
        return secret(where, "PIN", definition.getPinFile(), "pin-file", definition.getPinEnv()).toCharArray();
    }

    private static KeyBackend vault(String name, KeyBackendSettings.Definition definition) {
        String where = "fujie.keys.backends." + name;
        if (definition.getAddress() == null) {
            throw new KeyBackendException(where + ".address is not set");
        }
        try {
            VaultSettings.Authentication authentication = definition.getRoleId() != null
                    ? VaultSettings.appRole(definition.getRoleId(), secret(where, "AppRole secret id", definition.getSecretIdFile(),
                            "secret-id-file", definition.getSecretIdEnv()), definition.getApprolePath())
                    : VaultSettings.token(secret(where, "Vault token", definition.getTokenFile(), "token-file", definition.getTokenEnv()));
            VaultSettings.Builder settings = VaultSettings.builder(definition.getAddress().toString(), authentication)
                    .transitMount(definition.getMount()).keyNamePrefix(definition.getKeyPrefix())
                    .keyCacheTtl(definition.getKeyCacheTtl());
            if (definition.getNamespace() != null) {
                settings.namespace(definition.getNamespace());
            }
            if (definition.getCaFile() != null) {
                settings.caFile(definition.getCaFile());
            }
            return VaultTransitKeyBackend.open(settings.build());
        } catch (IllegalArgumentException e) {
            throw new KeyBackendException(where + ": " + e.getMessage());
        }
    }

    /** A secret from its file, else from its environment variable; the message names where to put it, never it. */
    private static String secret(String where, String what, Path file, String fileProperty, String environmentVariable) {
        if (file != null) {
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new KeyBackendException(where + "." + fileProperty + " " + file + " cannot be read");
            }
        }
        String value = environmentVariable == null ? null : System.getenv(environmentVariable);
        if (value == null || value.isEmpty()) {
            throw new KeyBackendException("the " + what + " of " + where + " is not set: set the environment variable "
                    + environmentVariable + " or " + where + "." + fileProperty);
        }
        return value;
    }
}
