package org.fujie.pki.operator.vault;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where Fujie's keys live in HashiCorp Vault and how Fujie logs in: the Vault address, a token or an AppRole, the
 * optional Enterprise namespace, the Transit mount and the prefix of Fujie's key names (so a policy can be scoped to
 * {@code transit/keys/fujie-*}), the CA to trust for TLS, timeouts and how long a loaded key is reused before Vault is
 * asked again (a rotated key is picked up within that time). Immutable; {@link #toString()} never shows a credential.
 */
public record VaultSettings(URI address, Authentication authentication, Optional<String> namespace, String transitMount,
        String keyNamePrefix, Optional<Path> caFile, Duration openTimeout, Duration readTimeout, Duration keyCacheTtl) {

    private static final Pattern PATH_SEGMENTS = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*");
    private static final Pattern KEY_NAME_PREFIX = Pattern.compile("[A-Za-z0-9_.-]*");

    public VaultSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(caFile, "caFile");
        if (!"https".equals(address.getScheme()) && !"http".equals(address.getScheme()) || address.getHost() == null) {
            throw new IllegalArgumentException("the vault address must be an http or https URL: " + address);
        }
        if (caFile.isPresent() && !"https".equals(address.getScheme())) {
            throw new IllegalArgumentException("a CA file to trust needs an https vault address, not " + address);
        }
        if (caFile.isPresent() && !Files.isReadable(caFile.get())) {
            throw new IllegalArgumentException("the vault CA file " + caFile.get() + " cannot be read");
        }
        namespace.ifPresent(ns -> requirePath(ns, "namespace"));
        requirePath(transitMount, "transit mount");
        if (keyNamePrefix == null || !KEY_NAME_PREFIX.matcher(keyNamePrefix).matches()) {
            throw new IllegalArgumentException("invalid key name prefix: " + keyNamePrefix);
        }
        requirePositive(openTimeout, "open timeout");
        requirePositive(readTimeout, "read timeout");
        if (keyCacheTtl == null || keyCacheTtl.isNegative()) {
            throw new IllegalArgumentException("the key cache TTL must be zero or positive");
        }
    }

    /** Settings with the defaults: mount {@code transit}, prefix {@code fujie-}, 5 s to connect, 30 s to read, 60 s cache. */
    public static Builder builder(String address, Authentication authentication) {
        return new Builder(URI.create(address), authentication);
    }

    /** Logs in with a token that someone else renews (a Vault Agent, an operator). */
    public static Authentication token(String token) {
        return new Token(token);
    }

    /** Logs in with an AppRole at {@code auth/approle}. */
    public static Authentication appRole(String roleId, String secretId) {
        return new AppRole(roleId, secretId, "approle");
    }

    /** Logs in with an AppRole mounted at {@code auth/<mountPath>}. */
    public static Authentication appRole(String roleId, String secretId, String mountPath) {
        return new AppRole(roleId, secretId, mountPath);
    }

    /** How Fujie proves itself to Vault. */
    public sealed interface Authentication permits Token, AppRole {
    }

    public record Token(String token) implements Authentication {
        public Token {
            requireText(token, "token");
        }

        @Override
        public String toString() {
            return "Token[****]";
        }
    }

    public record AppRole(String roleId, String secretId, String mountPath) implements Authentication {
        public AppRole {
            requireText(roleId, "AppRole role id");
            requireText(secretId, "AppRole secret id");
            requirePath(mountPath, "AppRole mount path");
        }

        // The role id is not secret on its own, but it is half a credential: it is not shown either.
        @Override
        public String toString() {
            return "AppRole[auth/" + mountPath + ", role id ****, secret id ****]";
        }
    }

    @Override
    public String toString() {
        return "VaultSettings[" + address + ", " + authentication + namespace.map(ns -> ", namespace " + ns).orElse("")
                + ", " + transitMount + "/keys/" + keyNamePrefix + "*" + caFile.map(f -> ", CA " + f).orElse("") + "]";
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the vault " + what + " is missing");
        }
    }

    private static void requirePath(String value, String what) {
        if (value == null || !PATH_SEGMENTS.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid vault " + what + ": " + value);
        }
    }

    private static void requirePositive(Duration value, String what) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the vault " + what + " must be positive");
        }
    }

    public static final class Builder {
        private final URI address;
        private final Authentication authentication;
        private String namespace;
        private String transitMount = "transit";
        private String keyNamePrefix = "fujie-";
        private Path caFile;
        private Duration openTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration keyCacheTtl = Duration.ofSeconds(60);

        private Builder(URI address, Authentication authentication) {
            this.address = address;
            this.authentication = authentication;
        }

        /** The Vault Enterprise namespace (sent as {@code X-Vault-Namespace}); null or blank for none. */
        public Builder namespace(String namespace) {
            this.namespace = namespace == null || namespace.isBlank() ? null : namespace;
            return this;
        }

        public Builder transitMount(String transitMount) {
            this.transitMount = transitMount;
            return this;
        }

        public Builder keyNamePrefix(String keyNamePrefix) {
            this.keyNamePrefix = keyNamePrefix;
            return this;
        }

        /** A PEM file with the CA certificate that issued Vault's TLS certificate; null for the JDK's trust store. */
        public Builder caFile(Path caFile) {
            this.caFile = caFile;
            return this;
        }

        public Builder openTimeout(Duration openTimeout) {
            this.openTimeout = openTimeout;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /** How long a loaded key (and the version it pins) is reused; zero asks Vault on every get. */
        public Builder keyCacheTtl(Duration keyCacheTtl) {
            this.keyCacheTtl = keyCacheTtl;
            return this;
        }

        public VaultSettings build() {
            return new VaultSettings(address, authentication, Optional.ofNullable(namespace), transitMount, keyNamePrefix,
                    Optional.ofNullable(caFile), openTimeout, readTimeout, keyCacheTtl);
        }
    }
}
