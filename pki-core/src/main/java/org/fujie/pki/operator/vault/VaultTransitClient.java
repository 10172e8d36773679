package org.fujie.pki.operator.vault;

import java.io.File;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLException;

import io.github.jopenlibs.vault.EnvironmentLoader;
import io.github.jopenlibs.vault.SslConfig;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.json.Json;
import io.github.jopenlibs.vault.json.JsonObject;
import io.github.jopenlibs.vault.json.JsonValue;
import io.github.jopenlibs.vault.response.AuthResponse;
import io.github.jopenlibs.vault.response.LogicalResponse;
import org.fujie.pki.operator.KeyBackendException;

/**
 * Vault's HTTP API as the Transit backend needs it, through the vault-java-driver: logs in (token or AppRole, again
 * when an AppRole token expires or is refused once), reads and writes paths, and turns what goes wrong (unreachable,
 * sealed, refused, other statuses) into {@link KeyBackendException}s that never contain a credential. Answers 400 and
 * 404 are returned, since only the caller knows what they mean for its path.
 */
final class VaultTransitClient {

    /** An answer Vault gave: its HTTP status, the {@code data} object (or null) and the {@code errors} it listed. */
    record Reply(int status, JsonObject data, List<String> errors) {
        boolean ok() {
            return status == 200 || status == 204;
        }
    }

    private record Session(Vault vault, String token, Instant renewAfter) {
    }

    private interface Call {
        LogicalResponse on(Vault vault) throws VaultException;
    }

    private final VaultSettings settings;
    private final String address;
    private final HttpClient http;
    private final SslConfig ssl;
    private final Clock clock;
    private final Object loginLock = new Object();
    private volatile Session session;

    VaultTransitClient(VaultSettings settings, Clock clock) {
        this.settings = settings;
        this.address = settings.address().toString().replaceAll("/+$", "");
        this.clock = clock;
        this.ssl = settings.caFile().map(VaultTransitClient::trusting).orElse(null);
        // One client for all requests (the driver would otherwise build one per request), HTTP/1.1 as the driver uses.
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.openTimeout());
        if (ssl != null && ssl.getSslContext() != null) {
            builder.sslContext(ssl.getSslContext());
        }
        this.http = builder.build();
    }

    String address() {
        return address;
    }

    Reply read(String path, String subject) {
        return call(vault -> vault.logical().read(path), subject);
    }

    Reply write(String path, Map<String, Object> body, String subject) {
        return call(vault -> vault.logical().write(path, body), subject);
    }

    private Reply call(Call call, String subject) {
        Session current = session();
        Reply reply = attempt(current, call, subject);
        if (reply.status() == 403 && settings.authentication() instanceof VaultSettings.AppRole) {
            // An AppRole token may have expired or been revoked early: log in once more, then believe the answer.
            reply = attempt(renew(current), call, subject);
        }
        if (reply.status() == 403) {
            throw new KeyBackendException(clean("vault refused access to " + subject + " (403): check the policy that "
                    + "Fujie's token has on " + settings.transitMount() + "/keys/" + settings.keyNamePrefix() + "* and "
                    + settings.transitMount() + "/sign/" + settings.keyNamePrefix() + "*" + errorsOf(reply)));
        }
        if (reply.status() == 503 || reply.errors().stream().anyMatch(e -> e.contains("sealed"))) {
            throw sealed(null);
        }
        if (!reply.ok() && reply.status() != 400 && reply.status() != 404) {
            throw new KeyBackendException(clean("vault at " + address + " answered " + reply.status() + " for " + subject
                    + errorsOf(reply)));
        }
        return reply;
    }

    private Reply attempt(Session session, Call call, String subject) {
        try {
            LogicalResponse response = call.on(session.vault());
            int status = response.getRestResponse().getStatus();
            return new Reply(status, status == 200 ? response.getDataObject() : null,
                    errors(new String(response.getRestResponse().getBody(), StandardCharsets.UTF_8)));
        } catch (VaultException e) {
            throw failure(e, subject);
        }
    }

    private KeyBackendException failure(VaultException e, String subject) {
        int status = e.getHttpStatusCode();
        if (status == 0) {
            return withoutStatus(e, subject);
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        int body = message.indexOf("Response body: ");
        List<String> errors = body < 0 ? List.of() : errors(message.substring(body + "Response body: ".length()));
        if (status == 503 || errors.stream().anyMatch(m -> m.contains("sealed"))) {
            return sealed(e);
        }
        // Not the driver's message: it carries the whole response body.
        return new KeyBackendException(clean("vault at " + address + " answered " + status + " for " + subject
                + errorsOf(new Reply(status, null, errors))));
    }

    private Session session() {
        Session current = session;
        if (current == null || clock.instant().isAfter(current.renewAfter())) {
            return renew(current);
        }
        return current;
    }

    /** A new session, unless another thread has made one since {@code stale} was seen. */
    private Session renew(Session stale) {
        synchronized (loginLock) {
            Session current = session;
            if (current != null && current != stale && !clock.instant().isAfter(current.renewAfter())) {
                return current;
            }
            if (settings.authentication() instanceof VaultSettings.AppRole appRole) {
                session = logIn(appRole);
            } else {
                String token = ((VaultSettings.Token) settings.authentication()).token();
                session = new Session(vault(token), token, Instant.MAX);
            }
            return session;
        }
    }

    private Session logIn(VaultSettings.AppRole appRole) {
        String where = "auth/" + appRole.mountPath();
        try {
            AuthResponse auth = vault(null).auth().loginByAppRole(appRole.mountPath(), appRole.roleId(), appRole.secretId());
            String token = auth.getAuthClientToken();
            if (token == null || token.isEmpty()) {
                throw new KeyBackendException("the AppRole login at " + where + " of vault at " + address + " gave no token");
            }
            long lease = auth.getAuthLeaseDuration();
            // Log in again at three quarters of the lease, before Vault lets the token expire.
            Instant renewAfter = lease > 0 ? clock.instant().plus(Duration.ofSeconds(lease * 3 / 4)) : Instant.MAX;
            return new Session(vault(token), token, renewAfter);
        } catch (VaultException e) {
            if (e.getHttpStatusCode() == 0) {
                throw withoutStatus(e, "the AppRole login at " + where);
            }
            if (e.getHttpStatusCode() == 503) {
                throw sealed(e);
            }
            String message = e.getMessage() == null ? "" : e.getMessage();
            int body = message.indexOf("Response body: ");
            List<String> errors = body < 0 ? List.of() : errors(message.substring(body + "Response body: ".length()));
            throw new KeyBackendException(clean("vault at " + address + " refused the AppRole login at " + where + " ("
                    + e.getHttpStatusCode() + "): check the role id and secret id" + errorsOf(new Reply(0, null, errors))));
        }
    }

    private Vault vault(String token) {
        try {
            VaultConfig config = new VaultConfig().environmentLoader(new NoEnvironment()).address(address).token(token)
                    .openTimeout(seconds(settings.openTimeout())).readTimeout(seconds(settings.readTimeout()))
                    .httpClient(http);
            if (ssl != null) {
                config.sslConfig(ssl);
            }
            if (settings.namespace().isPresent()) {
                config.nameSpace(settings.namespace().get());
            }
            // Engine version 1: the driver leaves paths as they are (version 2 would insert KV's "data/").
            return Vault.create(config.build(), 1);
        } catch (VaultException e) {
            throw new KeyBackendException("cannot configure the vault client for " + address + ": " + e.getMessage());
        }
    }

    private static SslConfig trusting(java.nio.file.Path caFile) {
        try {
            // verify(true) explicitly: otherwise VAULT_SSL_VERIFY from the environment could switch verification off.
            return new SslConfig().verify(true).pemFile(new File(caFile.toString())).build();
        } catch (VaultException e) {
            throw new KeyBackendException("cannot read the vault CA file " + caFile + ": " + rootMessage(e));
        }
    }

    /** No HTTP status: the request did not get through (an I/O error), or the driver could not read the answer. */
    private KeyBackendException withoutStatus(Throwable e, String subject) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException && !t.getClass().getName().startsWith("io.github.jopenlibs")) {
                return unreachable(e);
            }
        }
        return new KeyBackendException(clean("vault at " + address + " gave an answer for " + subject
                + " that the client cannot read: " + rootMessage(e)), e);
    }

    private KeyBackendException unreachable(Throwable e) {
        Throwable tls = e;
        while (tls != null && !(tls instanceof SSLException)) {
            tls = tls.getCause();
        }
        if (tls != null) {
            return new KeyBackendException(clean("TLS with vault at " + address + " failed: " + tls.getMessage()
                    + (settings.caFile().isPresent() ? " (trusting " + settings.caFile().get() + ")" : "")), e);
        }
        return new KeyBackendException(clean("vault at " + address + " is unreachable: " + transportReason(e)), e);
    }

    private String transportReason(Throwable e) {
        if (has(e, java.net.UnknownHostException.class) || has(e, java.nio.channels.UnresolvedAddressException.class)) {
            return "unknown host " + settings.address().getHost();
        }
        if (has(e, java.net.http.HttpConnectTimeoutException.class)) {
            return "no connection within the open timeout of " + settings.openTimeout().toSeconds() + " s";
        }
        if (has(e, java.net.http.HttpTimeoutException.class)) {
            return "no answer within the read timeout of " + settings.readTimeout().toSeconds() + " s";
        }
        if (has(e, java.net.ConnectException.class)) {
            return "cannot connect (connection refused, or no route to the host)";
        }
        return rootMessage(e);
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private KeyBackendException sealed(Throwable cause) {
        return new KeyBackendException("vault at " + address + " is sealed (503): unseal it, then try again", cause);
    }

    /** Removes any credential from a message (Vault does not echo them, but a message must never carry one). */
    private String clean(String message) {
        List<String> secrets = new ArrayList<>();
        if (settings.authentication() instanceof VaultSettings.AppRole appRole) {
            secrets.add(appRole.secretId());
            secrets.add(appRole.roleId());
        } else {
            secrets.add(((VaultSettings.Token) settings.authentication()).token());
        }
        Session current = session;
        if (current != null && current.token() != null) {
            secrets.add(current.token());
        }
        String cleaned = message;
        for (String secret : secrets) {
            cleaned = cleaned.replace(secret, "****");
        }
        return cleaned;
    }

    private static List<String> errors(String body) {
        try {
            JsonValue errors = Json.parse(body).asObject().get("errors");
            List<String> result = new ArrayList<>();
            if (errors != null && errors.isArray()) {
                errors.asArray().forEach(v -> result.add(v.isString() ? v.asString() : v.toString()));
            }
            return result;
        } catch (RuntimeException notJson) {
            return List.of();
        }
    }

    private static String errorsOf(Reply reply) {
        return reply.errors().isEmpty() ? "" : ": " + String.join("; ", reply.errors());
    }

    private static Integer seconds(Duration duration) {
        return (int) Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    static String rootMessage(Throwable e) {
        // The driver wraps transport errors twice; the JDK's own exception says what happened.
        Throwable root = e;
        String message = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            root = t;
            if (!t.getClass().getName().startsWith("io.github.jopenlibs") && t.getMessage() != null) {
                message = t.getClass().getSimpleName() + ": " + t.getMessage();
            }
        }
        return message != null ? message : root.getClass().getSimpleName();
    }

    /** Settings come only from {@link VaultSettings}: no VAULT_TOKEN, VAULT_ADDR or ~/.vault-token behind our back. */
    private static final class NoEnvironment extends EnvironmentLoader {
        @Override
        public String loadVariable(String name) {
            return null;
        }
    }
}
