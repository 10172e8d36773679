package org.fujie.pki.operator.vault;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.jopenlibs.vault.json.Json;
import io.github.jopenlibs.vault.json.JsonObject;
import io.github.jopenlibs.vault.json.JsonValue;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.fujie.pki.crypto.CryptoProviders;

/**
 * A stand-in for HashiCorp Vault, NOT Vault: an HTTP server on 127.0.0.1 written from Vault's public API
 * documentation (token header, AppRole login, and the Transit engine's create, read, config, rotate and delete of
 * keys and its sign endpoint), for the subset Fujie's Transit backend uses. Keys are made with the JDK in this
 * process. Switches let tests seal it, make it refuse everything, revoke the tokens it issued, and read back the
 * requests it saw. {@code VaultTransitRealServerTests} runs the same backend against a real Vault.
 */
public final class VaultTransitStandIn implements AutoCloseable {

    /** One request as it arrived: method, path (after /v1/), the token and namespace headers, and the body. */
    record Request(String method, String path, String token, String namespace, String body) {
    }

    private record KeyVersion(KeyPair pair, Instant created) {
    }

    private static final class TransitKey {
        final String type;
        final List<KeyVersion> versions = new CopyOnWriteArrayList<>();
        volatile boolean exportable;
        volatile boolean plaintextBackup;
        volatile boolean deletionAllowed;

        TransitKey(String type) {
            this.type = type;
        }
    }

    private record AppRole(String roleId, String secretId) {
    }

    private final HttpServer server;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, AppRole> appRoles = new ConcurrentHashMap<>();
    private final Set<String> mounts = ConcurrentHashMap.newKeySet();
    private final Map<String, TransitKey> keys = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final boolean recordRequests;
    private volatile boolean sealed;
    private volatile boolean denyAll;
    private volatile long tokenTtlSeconds = 3600;

    private VaultTransitStandIn(String rootToken, SSLContext tls, Executor executor, boolean recordRequests) throws IOException {
        this.recordRequests = recordRequests;
        tokens.add(rootToken);
        mounts.add("transit");
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(loopback, 0);
        } else {
            HttpsServer https = HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.createContext("/v1/", this::handle);
        server.setExecutor(executor);  // null: the server's one dispatcher thread handles every request
        server.start();
    }

    /** Starts on a free port with one token that may do everything, and a Transit engine at {@code transit}. */
    public static VaultTransitStandIn start(String rootToken) throws IOException {
        return new VaultTransitStandIn(rootToken, null, null, true);
    }

    /**
     * For load (bench's key-backend benchmark): requests handled on the executor's threads, as Vault serves them
     * concurrently, and no request log, which copies itself on every request.
     */
    public static VaultTransitStandIn startForLoad(String rootToken, Executor executor) throws IOException {
        return new VaultTransitStandIn(rootToken, null, executor, false);
    }

    /** The same over HTTPS, with the server certificate and key of the context. */
    public static VaultTransitStandIn startTls(String rootToken, SSLContext tls) throws IOException {
        return new VaultTransitStandIn(rootToken, tls, null, true);
    }

    public String address() {
        return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort();
    }

    public void enableTransit(String mount) {
        mounts.add(mount);
    }

    public void addAppRole(String mount, String roleId, String secretId) {
        appRoles.put(mount, new AppRole(roleId, secretId));
    }

    void tokenTtlSeconds(long seconds) {
        tokenTtlSeconds = seconds;
    }

    /** Forgets the tokens AppRole logins were given, as when they expire. */
    void revokeIssuedTokens() {
        tokens.removeAll(issuedTokens);
        issuedTokens.clear();
    }

    public void sealed(boolean sealed) {
        this.sealed = sealed;
    }

    public void denyAll(boolean denyAll) {
        this.denyAll = denyAll;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    public int requestCount() {
        return requests.size();
    }

    /** The public key of a version, as a test's independent reference. */
    public PublicKey publicKey(String mount, String name, int version) {
        return keys.get(mount + "/" + name).versions.get(version - 1).pair().getPublic();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath().substring("/v1/".length());
            String token = exchange.getRequestHeaders().getFirst("X-Vault-Token");
            if (recordRequests) {
                requests.add(new Request(exchange.getRequestMethod(), path, token,
                        exchange.getRequestHeaders().getFirst("X-Vault-Namespace"), body));
            }
            Answer answer = answer(exchange.getRequestMethod(), path, token, body.isBlank() ? Json.object() : Json.parse(body).asObject());
            if (answer.body() == null) {
                exchange.sendResponseHeaders(answer.status(), -1);
                return;
            }
            byte[] bytes = answer.body().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private record Answer(int status, JsonObject body) {
    }

    private Answer answer(String method, String path, String token, JsonObject body) {
        if (sealed) {
            return error(503, "Vault is sealed");
        }
        if (path.startsWith("auth/") && path.endsWith("/login") && method.equals("POST")) {
            return logIn(path.substring("auth/".length(), path.length() - "/login".length()), body);
        }
        if (denyAll || token == null || !tokens.contains(token)) {
            return error(403, "permission denied");
        }
        for (String mount : mounts) {
            if (path.startsWith(mount + "/")) {
                return transit(method, mount, path.substring(mount.length() + 1), body);
            }
        }
        return error(404, "no handler for route \"" + path + "\". route entry not found.");
    }

    private Answer logIn(String mount, JsonObject body) {
        AppRole role = appRoles.get(mount);
        if (role == null || !role.roleId().equals(text(body, "role_id")) || !role.secretId().equals(text(body, "secret_id"))) {
            return error(400, "invalid role or secret ID");
        }
        String token = "hvs.standin-" + UUID.randomUUID();
        tokens.add(token);
        issuedTokens.add(token);
        JsonObject auth = Json.object().add("client_token", token).add("accessor", UUID.randomUUID().toString())
                .add("policies", Json.array("default", "fujie-keys")).add("lease_duration", tokenTtlSeconds)
                .add("renewable", true);
        return new Answer(200, envelope(Json.NULL, auth));
    }

    private Answer transit(String method, String mount, String rest, JsonObject body) {
        String[] parts = rest.split("/");
        if (parts.length >= 2 && parts[0].equals("keys")) {
            String id = mount + "/" + parts[1];
            if (parts.length == 2 && method.equals("GET")) {
                TransitKey key = keys.get(id);
                return key == null ? new Answer(404, Json.object().add("errors", Json.array())) : data(describe(parts[1], key));
            }
            if (parts.length == 2 && method.equals("POST")) {
                return create(id, parts[1], body);
            }
            if (parts.length == 2 && method.equals("DELETE")) {
                TransitKey key = keys.get(id);
                if (key != null && !key.deletionAllowed) {
                    return error(400, "deletion is not allowed for this policy");
                }
                keys.remove(id);
                return new Answer(204, null);
            }
            TransitKey key = keys.get(id);
            if (key == null) {
                return error(400, "key not found");
            }
            if (parts.length == 3 && parts[2].equals("rotate") && method.equals("POST")) {
                key.versions.add(new KeyVersion(generate(key.type), Instant.now()));
                return data(describe(parts[1], key));
            }
            if (parts.length == 3 && parts[2].equals("config") && method.equals("POST")) {
                key.deletionAllowed = flag(body, "deletion_allowed", key.deletionAllowed);
                key.exportable = key.exportable || flag(body, "exportable", false);  // cannot be turned off again
                key.plaintextBackup = key.plaintextBackup || flag(body, "allow_plaintext_backup", false);
                return data(describe(parts[1], key));
            }
        }
        if (parts.length >= 2 && parts.length <= 3 && parts[0].equals("sign") && method.equals("POST")) {
            TransitKey key = keys.get(mount + "/" + parts[1]);
            if (key == null) {
                return error(400, "signing key not found");
            }
            return sign(key, parts.length == 3 ? parts[2] : textOr(body, "hash_algorithm", "sha2-256"), body);
        }
        return error(405, "unsupported operation");
    }

    private Answer create(String id, String name, JsonObject body) {
        String type = textOr(body, "type", "aes256-gcm96");
        if (!List.of("ecdsa-p256", "ecdsa-p384", "rsa-2048", "rsa-3072", "rsa-4096").contains(type)) {
            return error(400, "key type " + type + " is not made by this stand-in");
        }
        TransitKey made = new TransitKey(type);
        TransitKey existing = keys.putIfAbsent(id, made);
        if (existing != null) {
            // Vault's create leaves an existing key as it is and answers with it.
            return data(describe(name, existing));
        }
        made.exportable = flag(body, "exportable", false);
        made.plaintextBackup = flag(body, "allow_plaintext_backup", false);
        made.versions.add(new KeyVersion(generate(type), Instant.now()));
        return data(describe(name, made));
    }

    private Answer sign(TransitKey key, String hash, JsonObject body) {
        int latest = key.versions.size();
        int version = integer(body.get("key_version")) == 0 ? latest : integer(body.get("key_version"));
        if (version < 1 || version > latest) {
            return error(400, "requested version for signing is higher than the latest key version");
        }
        String digestName = switch (hash) {
            case "sha2-256" -> "SHA-256";
            case "sha2-384" -> "SHA-384";
            case "sha2-512" -> "SHA-512";
            default -> null;
        };
        if (digestName == null) {
            return error(400, "unsupported hash algorithm " + hash);
        }
        if (!"asn1".equals(textOr(body, "marshaling_algorithm", "asn1"))) {
            return error(400, "this stand-in marshals signatures as asn1 only");
        }
        try {
            byte[] input = Base64.getDecoder().decode(textOr(body, "input", ""));
            byte[] digest = flag(body, "prehashed", false) ? input : MessageDigest.getInstance(digestName).digest(input);
            KeyPair pair = key.versions.get(version - 1).pair();
            byte[] signature;
            if (key.type.startsWith("ecdsa")) {
                Signature ecdsa = Signature.getInstance("NONEwithECDSA");
                ecdsa.initSign(pair.getPrivate());
                ecdsa.update(digest);
                signature = ecdsa.sign();
            } else if ("pkcs1v15".equals(textOr(body, "signature_algorithm", "pss"))) {
                Signature rsa = Signature.getInstance("NONEwithRSA", CryptoProviders.bouncyCastle());
                rsa.initSign(pair.getPrivate());
                rsa.update(new DigestInfo(new AlgorithmIdentifier(oid(hash), DERNull.INSTANCE), digest).getEncoded());
                signature = rsa.sign();
            } else {
                // PSS as Vault signs it by default: MGF1 with the same hash, the longest salt the key allows.
                int modulusBytes = (((RSAPublicKey) pair.getPublic()).getModulus().bitLength() + 7) / 8;
                Signature pss = Signature.getInstance("NONEwithRSASSA-PSS", CryptoProviders.bouncyCastle());
                pss.setParameter(new PSSParameterSpec(digestName, "MGF1", new MGF1ParameterSpec(digestName),
                        modulusBytes - digest.length - 2, 1));
                pss.initSign(pair.getPrivate());
                pss.update(digest);
                signature = pss.sign();
            }
            return data(Json.object().add("signature", "vault:v" + version + ":" + Base64.getEncoder().encodeToString(signature))
                    .add("key_version", version));
        } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
            return error(400, "cannot sign: " + e.getMessage());
        }
    }

    private static JsonObject describe(String name, TransitKey key) {
        JsonObject versions = Json.object();
        for (int i = 0; i < key.versions.size(); i++) {
            KeyVersion version = key.versions.get(i);
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(version.pair().getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            versions.add(Integer.toString(i + 1), Json.object().add("creation_time", version.created().toString())
                    .add("name", key.type.startsWith("ecdsa") ? "P-" + key.type.substring("ecdsa-p".length()) : key.type)
                    .add("public_key", pem));
        }
        return Json.object().add("name", name).add("type", key.type).add("keys", versions)
                .add("latest_version", key.versions.size()).add("min_available_version", 0)
                .add("min_decryption_version", 1).add("min_encryption_version", 0)
                .add("exportable", key.exportable).add("allow_plaintext_backup", key.plaintextBackup)
                .add("deletion_allowed", key.deletionAllowed).add("derived", false)
                .add("supports_signing", true).add("supports_encryption", key.type.startsWith("rsa"))
                .add("supports_decryption", key.type.startsWith("rsa")).add("supports_derivation", false);
    }

    private static KeyPair generate(String type) {
        try {
            if (type.startsWith("ecdsa")) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec(type.equals("ecdsa-p256") ? "secp256r1" : "secp384r1"));
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(Integer.parseInt(type.substring("rsa-".length())));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ASN1ObjectIdentifier oid(String hash) {
        return switch (hash) {
            case "sha2-384" -> NISTObjectIdentifiers.id_sha384;
            case "sha2-512" -> NISTObjectIdentifiers.id_sha512;
            default -> NISTObjectIdentifiers.id_sha256;
        };
    }

    private static Answer data(JsonObject data) {
        return new Answer(200, envelope(data, Json.NULL));
    }

    /** The fields Vault wraps every answer in. */
    private static JsonObject envelope(JsonValue data, JsonValue auth) {
        return Json.object().add("request_id", UUID.randomUUID().toString()).add("lease_id", "").add("renewable", false)
                .add("lease_duration", 0).add("data", data).add("wrap_info", Json.NULL).add("warnings", Json.NULL)
                .add("auth", auth);
    }

    private static Answer error(int status, String message) {
        return new Answer(status, Json.object().add("errors", Json.array(message)));
    }

    private static String text(JsonObject body, String name) {
        return textOr(body, name, null);
    }

    private static String textOr(JsonObject body, String name, String otherwise) {
        JsonValue value = body.get(name);
        return value != null && value.isString() ? value.asString() : otherwise;
    }

    // Vault's API takes booleans and numbers as JSON values or as strings.
    private static boolean flag(JsonObject body, String name, boolean otherwise) {
        JsonValue value = body.get(name);
        return value == null ? otherwise : value.isBoolean() ? value.asBoolean() : Boolean.parseBoolean(value.asString());
    }

    private static int integer(JsonValue value) {
        return value == null || value.isNull() ? 0 : value.isNumber() ? value.asInt() : Integer.parseInt(value.asString());
    }
}
