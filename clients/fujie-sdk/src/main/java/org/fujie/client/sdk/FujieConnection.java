package org.fujie.client.sdk;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service's address and how to reach it: TLS trusting Fujie's chain, mutual TLS with a PKCS#12 or a bearer token,
 * timeouts, retries of idempotent calls. Immutable and thread-safe; {@link #at} reuses the settings (and the connection
 * pool) for another service, so one PKCS#12 serves ca-service, seal-service and trust-service.
 */
public final class FujieConnection {

    private static final String JSON = "application/json";

    private final URI baseUri;
    private final HttpClient http;
    private final Settings settings;

    /** What stays the same for every service a connection is moved to. */
    private record Settings(Duration requestTimeout, RetryPolicy retry, String userAgent, String authorization,
            JsonMapper json, ProblemMapper problems) {
    }

    private FujieConnection(URI baseUri, HttpClient http, Settings settings) {
        this.baseUri = baseUri;
        this.http = http;
        this.settings = settings;
    }

    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    /** The same credentials, timeouts and retries for another service, e.g. trust-service beside ca-service. */
    public FujieConnection at(String otherBaseUrl) {
        return new FujieConnection(baseUri(otherBaseUrl), http, settings);
    }

    public URI baseUri() {
        return baseUri;
    }

    /** GET of a JSON answer; always idempotent. */
    public <T> T get(String path, Class<T> answer) {
        return read(send("GET", resolve(path), null, null, JSON, Idempotency.IDEMPOTENT), answer);
    }

    /** POST of a JSON body (null: none) with a JSON answer. */
    public <T> T post(String path, Object body, Class<T> answer, Idempotency idempotency) {
        byte[] bytes = body == null ? null : settings.json().writeValueAsBytes(body);
        return read(send("POST", resolve(path), bytes == null ? null : JSON, bytes, JSON, idempotency), answer);
    }

    /** PUT of a JSON body with a JSON answer; PUT replaces, so it is retried. */
    public <T> T put(String path, Object body, Class<T> answer) {
        byte[] bytes = settings.json().writeValueAsBytes(body);
        return read(send("PUT", resolve(path), JSON, bytes, JSON, Idempotency.IDEMPOTENT), answer);
    }

    /** DELETE; the answer (usually 204, none) is ignored. Retried: a second delete changes nothing more. */
    public void delete(String path) {
        send("DELETE", resolve(path), null, null, JSON, Idempotency.IDEMPOTENT);
    }

    /** GET of a non-JSON answer as bytes (a DER file, JSON lines), asking for the given type. */
    public byte[] getBytes(String path, String accept) {
        return send("GET", resolve(path), null, null, accept, Idempotency.IDEMPOTENT);
    }

    /** POST of a multipart body; the answer as bytes (a stamped document, or JSON for {@link #read}). */
    public byte[] post(String path, Multipart body, String accept, Idempotency idempotency) {
        return send("POST", resolve(path), body.contentType(), body.toBytes(), accept, idempotency);
    }

    /** JSON bytes as a typed answer. */
    public <T> T read(byte[] json, Class<T> type) {
        try {
            return settings.json().readValue(json, type);
        } catch (JacksonException e) {
            throw new FujieTransportException(baseUri, "the answer is not the JSON the contract promises: " + e.getOriginalMessage(), e);
        }
    }

    /** JSON text as it would be sent, e.g. a multipart part's content. */
    public String write(Object value) {
        return settings.json().writeValueAsString(value);
    }

    public URI resolve(String path) {
        return URI.create(baseUri + path);
    }

    /**
     * The one place requests go out: 2xx answers return their body, problem answers throw the mapped exception,
     * idempotent calls are retried on 502/503/504 and on connections that failed before an answer.
     */
    public byte[] send(String method, URI uri, String contentType, byte[] body, String accept, Idempotency idempotency) {
        RetryPolicy retry = idempotency == Idempotency.IDEMPOTENT ? settings.retry() : RetryPolicy.none();
        HttpRequest request = request(method, uri, contentType, body, accept);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (tls(e)) {
                    // A wrong trust chain or a refused client certificate fails the same way every time: never retried.
                    throw new FujieTransportException(uri, "TLS handshake failed (is the trust chain Fujie's, is the client "
                            + "certificate accepted?): " + describe(e), e);
                }
                if (attempt < retry.maxAttempts()) {
                    pause(uri, retry.delayBefore(attempt + 1));
                    continue;
                }
                throw new FujieTransportException(uri, "no answer from the service: " + describe(e), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FujieTransportException(uri, "interrupted while waiting for the service", e);
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return response.body();
            }
            FujieProblemException problem = settings.problems().map(uri, status, response.headers(), response.body());
            Duration wait = waitBeforeRetry(problem, retry, attempt);
            if (wait == null) {
                throw problem;
            }
            pause(uri, wait);
        }
    }

    /** Null: give up. A Retry-After longer than the policy's longest wait also means give up. */
    private static Duration waitBeforeRetry(FujieProblemException problem, RetryPolicy retry, int attempt) {
        boolean transientStatus = problem.status() == 502 || problem.status() == 503 || problem.status() == 504;
        if (!transientStatus || attempt >= retry.maxAttempts()) {
            return null;
        }
        Duration backoff = retry.delayBefore(attempt + 1);
        if (problem instanceof UnavailableException unavailable && unavailable.retryAfter().isPresent()) {
            Duration asked = unavailable.retryAfter().get();
            return asked.compareTo(retry.maxDelay()) > 0 ? null : asked.compareTo(backoff) > 0 ? asked : backoff;
        }
        return backoff;
    }

    private HttpRequest request(String method, URI uri, String contentType, byte[] body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("User-Agent", settings.userAgent());
        if (accept != null) {
            request.header("Accept", accept + ", application/problem+json");
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        // A token travels over TLS only: the plain-HTTP public endpoints (the TSA) need none.
        if (settings.authorization() != null && "https".equalsIgnoreCase(uri.getScheme())) {
            request.header("Authorization", settings.authorization());
        }
        return request.build();
    }

    private static void pause(URI uri, Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FujieTransportException(uri, "interrupted while waiting to retry", e);
        }
    }

    private static boolean tls(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    private static URI baseUri(String baseUrl) {
        String trimmed = Objects.requireNonNull(baseUrl, "baseUrl").replaceAll("/+$", "");
        URI uri = URI.create(trimmed);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute URL: " + baseUrl);
        }
        return uri;
    }

    /** Settings for a connection; a trust chain is required for HTTPS, the rest has defaults. */
    public static final class Builder {

        private final URI baseUri;
        private byte[] trustChainPem;
        private byte[] pkcs12;
        private char[] password;
        private String bearerToken;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private RetryPolicy retry = RetryPolicy.defaults();
        private String userAgent = "fujie-sdk";

        private Builder(String baseUrl) {
            this.baseUri = baseUri(baseUrl);
        }

        /** The PEM chain the services' TLS certificates lead to ({@code data/bootstrap/trust-chain.pem}). */
        public Builder trustChain(Path pem) {
            return trustChain(TlsMaterial.read(pem, "trust chain"));
        }

        public Builder trustChain(byte[] pem) {
            this.trustChainPem = pem.clone();
            return this;
        }

        /** Mutual TLS with the key and certificate in a PKCS#12 (e.g. {@code admin.p12}). */
        public Builder pkcs12(Path file, char[] password) {
            return pkcs12(TlsMaterial.read(file, "PKCS#12"), password);
        }

        public Builder pkcs12(byte[] pkcs12, char[] password) {
            this.pkcs12 = pkcs12.clone();
            this.password = password.clone();
            return this;
        }

        /** A bearer token (RFC 6750) from trust-service's log-in, instead of or beside a client certificate. */
        public Builder bearerToken(String token) {
            this.bearerToken = Objects.requireNonNull(token, "token");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /** How long one attempt may take, answer included (stamping a large PDF B-LTA takes a while). */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Builder retries(RetryPolicy policy) {
            this.retry = Objects.requireNonNull(policy);
            return this;
        }

        /** Named in the services' access logs, e.g. {@code payroll-batch/2.1}. */
        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent + " fujie-sdk";
            return this;
        }

        public FujieConnection build() {
            HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                    // HTTP/1.1: the services' Tomcat and the plain-HTTP TSA need no upgrade dance, and errors stay simple.
                    .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER);
            if ("https".equalsIgnoreCase(baseUri.getScheme())) {
                if (trustChainPem == null) {
                    throw new IllegalStateException("give the trust chain (trust-chain.pem): Fujie's services are not trusted through public CAs");
                }
                SSLContext ssl = TlsMaterial.context(trustChainPem, pkcs12, password);
                http.sslContext(ssl);
            }
            JsonMapper json = JsonMapper.builder()
                    // Newer services may answer with more fields; optional request fields are left out rather than sent as null.
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .changeDefaultPropertyInclusion(include -> include.withValueInclusion(JsonInclude.Include.NON_NULL))
                    .build();
            String authorization = bearerToken == null ? null : "Bearer " + bearerToken;
            return new FujieConnection(baseUri, http.build(),
                    new Settings(requestTimeout, retry, userAgent, authorization, json, new ProblemMapper(json)));
        }
    }

    @Override
    public String toString() {
        return "FujieConnection[" + baseUri + "]";
    }
}
