package org.fujie.pki.operator.vault;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.github.jopenlibs.vault.json.JsonObject;
import io.github.jopenlibs.vault.json.JsonValue;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.KeyBackend;
import org.fujie.pki.operator.KeyBackendException;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.x509.Pem;

/**
 * Keys in HashiCorp Vault's Transit secrets engine: generated there as non-exportable keys without plaintext backup,
 * they never leave Vault; Fujie sends digests and gets signatures. Alias {@code ca-1} is the Transit key
 * {@code <prefix>ca-1} (by default {@code fujie-ca-1}). A loaded key pins the version that was latest when it was read;
 * it is reused for {@link VaultSettings#keyCacheTtl()}, after which (or after {@link #refresh}) a rotated key's new
 * version is picked up. Rotation itself is an operator's act in Vault, not this backend's.
 */
public final class VaultTransitKeyBackend implements KeyBackend {

    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private static final Map<KeyAlgorithm, String> VAULT_TYPES = Map.of(
            KeyAlgorithm.EC_P256, "ecdsa-p256",
            KeyAlgorithm.EC_P384, "ecdsa-p384",
            KeyAlgorithm.RSA_2048, "rsa-2048",
            KeyAlgorithm.RSA_3072, "rsa-3072",
            KeyAlgorithm.RSA_4096, "rsa-4096");

    private record Loaded(VaultTransitSigningKey key, Instant loadedAt) {
    }

    private final VaultSettings settings;
    private final VaultTransitClient client;
    private final Clock clock;
    private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

    private VaultTransitKeyBackend(VaultSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = new VaultTransitClient(settings, clock);
    }

    /** A backend for the settings; Vault is first contacted (and an AppRole logged in) by the first call. */
    public static VaultTransitKeyBackend open(VaultSettings settings) {
        return open(settings, Clock.systemUTC());
    }

    static VaultTransitKeyBackend open(VaultSettings settings, Clock clock) {
        return new VaultTransitKeyBackend(settings, clock);
    }

    @Override
    public String name() {
        return "vault";
    }

    @Override
    public boolean contains(String alias) {
        VaultTransitClient.Reply reply = client.read(keyPath(checked(alias)), subject(alias));
        if (reply.status() == 404) {
            return false;
        }
        requireOk(reply, alias, "read");
        return true;
    }

    @Override
    public SigningKey generate(String alias, KeyAlgorithm algorithm) {
        String type = VAULT_TYPES.get(algorithm);
        if (type == null) {
            throw new KeyBackendException(algorithm.id() + " keys are not supported by the vault backend: it makes "
                    + "EC-P256, EC-P384, RSA-2048, RSA-3072 and RSA-4096 keys (Transit ecdsa-p256, ecdsa-p384, rsa-2048, "
                    + "rsa-3072, rsa-4096); Transit has no SM2, and its Ed25519 cannot sign a digest made here");
        }
        if (contains(alias)) {
            throw new KeyBackendException("key " + alias + " exists already in vault (" + keyPath(alias) + ")");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("exportable", false);
        body.put("allow_plaintext_backup", false);
        requireOk(client.write(keyPath(alias), body, subject(alias)), alias, "create");
        // Vault answers a create of an existing name with that key: check that what is there is what was asked.
        VaultTransitSigningKey key = load(alias);
        if (key.algorithm() != algorithm || key.version() != 1) {
            throw new KeyBackendException("key " + alias + " in vault (" + keyPath(alias) + ") was made by someone else "
                    + "meanwhile (" + key.algorithm().id() + ", version " + key.version() + "); it is not used");
        }
        loaded.put(alias, new Loaded(key, clock.instant()));
        return key;
    }

    /** The key, reused from the last read while younger than the cache TTL. */
    @Override
    public SigningKey get(String alias) {
        Loaded entry = loaded.get(checked(alias));
        if (entry != null && clock.instant().isBefore(entry.loadedAt().plus(settings.keyCacheTtl()))) {
            return entry.key();
        }
        return refresh(alias);
    }

    /** The key as Vault has it now: after a rotation, its latest version. */
    public SigningKey refresh(String alias) {
        VaultTransitSigningKey key = load(checked(alias));
        loaded.put(alias, new Loaded(key, clock.instant()));
        return key;
    }

    private VaultTransitSigningKey load(String alias) {
        VaultTransitClient.Reply reply = client.read(keyPath(alias), subject(alias));
        if (reply.status() == 404) {
            throw new KeyBackendException("no key with alias " + alias + " in vault (" + keyPath(alias) + ")");
        }
        requireOk(reply, alias, "read");
        JsonObject data = reply.data();
        if (data == null) {
            throw new KeyBackendException("vault answered no key data for " + subject(alias));
        }
        String type = string(data.get("type"));
        if (truthy(data.get("exportable")) || truthy(data.get("allow_plaintext_backup"))) {
            // A key that can be exported or backed up in plaintext has left, or can leave, Vault.
            throw new KeyBackendException(subject(alias) + " is exportable or allows plaintext backup; "
                    + "the vault backend signs only with keys that cannot leave Vault");
        }
        JsonValue latest = data.get("latest_version");
        JsonValue keys = data.get("keys");
        if (latest == null || !latest.isNumber() || keys == null || !keys.isObject()) {
            throw new KeyBackendException(subject(alias) + " has no versions in vault's answer (is it a signing key?)");
        }
        int version = latest.asInt();
        JsonValue entry = keys.asObject().get(Integer.toString(version));
        String pem = entry != null && entry.isObject() ? string(entry.asObject().get("public_key")) : null;
        if (pem == null || !pem.contains("-----BEGIN PUBLIC KEY-----")) {
            throw new KeyBackendException(subject(alias) + " (Transit type " + type + ") has no PEM public key for version "
                    + version + "; the vault backend supports " + String.join(", ", VAULT_TYPES.values()));
        }
        SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(Pem.decode(pem, "PUBLIC KEY"));
        Optional<KeyAlgorithm> algorithm = KeyAlgorithm.of(publicKey).filter(VAULT_TYPES::containsKey);
        if (algorithm.isEmpty() || !VAULT_TYPES.get(algorithm.get()).equals(type)) {
            throw new KeyBackendException(subject(alias) + " is of Transit type " + type + ", which the vault backend does "
                    + "not sign with; it supports " + String.join(", ", VAULT_TYPES.values()));
        }
        return new VaultTransitSigningKey(alias, vaultName(alias), version, algorithm.get(), publicKey, client,
                settings.transitMount());
    }

    private void requireOk(VaultTransitClient.Reply reply, String alias, String what) {
        if (!reply.ok()) {
            throw new KeyBackendException("vault could not " + what + " " + subject(alias) + " (" + reply.status() + ")"
                    + (reply.errors().isEmpty() ? "" : ": " + String.join("; ", reply.errors())));
        }
    }

    private String vaultName(String alias) {
        return settings.keyNamePrefix() + alias;
    }

    private String keyPath(String alias) {
        return settings.transitMount() + "/keys/" + vaultName(alias);
    }

    private String subject(String alias) {
        return "key " + alias + " (" + keyPath(alias) + ")";
    }

    private static String checked(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new KeyBackendException("invalid key alias: " + alias);
        }
        return alias;
    }

    private static String string(JsonValue value) {
        return value != null && value.isString() ? value.asString() : null;
    }

    private static boolean truthy(JsonValue value) {
        return value != null && value.isBoolean() && value.asBoolean();
    }

    @Override
    public String toString() {
        return "VaultTransitKeyBackend[" + settings + "]";
    }
}
