package org.fujie.ca.support;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An HTTPS client for tests: trusts Fujie's chain, optionally presents a PKCS#12 client certificate. */
public final class FujieTestClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final String baseUrl;
    private final HttpClient http;
    private final java.util.Map<String, String> headers;

    private FujieTestClient(String baseUrl, SSLContext ssl) {
        this(baseUrl, HttpClient.newBuilder().sslContext(ssl).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build(), java.util.Map.of());
    }

    private FujieTestClient(String baseUrl, HttpClient http, java.util.Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.headers = headers;
    }

    /** The same connection settings, every request also carrying the header (e.g. a bearer token's Authorization). */
    public FujieTestClient withHeader(String name, String value) {
        java.util.Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new FujieTestClient(baseUrl, http, java.util.Map.copyOf(more));
    }

    /** The same connection settings, every request carrying the bearer token (RFC 6750). */
    public FujieTestClient withBearer(String token) {
        return withHeader("Authorization", "Bearer " + token);
    }

    /** The same client for another service's URL. */
    public FujieTestClient at(String otherBaseUrl) {
        return new FujieTestClient(otherBaseUrl, http, headers);
    }

    /** An application/x-www-form-urlencoded POST (e.g. RFC 7662 introspection). */
    public Response postForm(String path, java.util.Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8)
                + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return send("POST", path, "application/x-www-form-urlencoded", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Any method with any body (null: none), e.g. for calling every endpoint of a service with the same client. */
    public Response send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    public static FujieTestClient forPkcs12(String baseUrl, Path p12, Path passwordFile, Path trustChain) {
        try {
            char[] password = Files.readString(passwordFile).strip().toCharArray();
            return forPkcs12(baseUrl, Files.readAllBytes(p12), password, trustChain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static FujieTestClient forPkcs12(String baseUrl, byte[] p12, char[] password, Path trustChain) {
        return new FujieTestClient(baseUrl, tls(p12, password, trustChain));
    }

    public static FujieTestClient anonymous(String baseUrl, Path trustChain) {
        return new FujieTestClient(baseUrl, tls(null, null, trustChain));
    }

    /** TLS trusting Fujie's chain, presenting the PKCS#12 file's certificate (none when p12 is null). */
    public static SSLContext tls(byte[] p12, char[] password, Path trustChain) {
        try {
            javax.net.ssl.KeyManager[] keyManagers = null;
            if (p12 != null) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(new java.io.ByteArrayInputStream(p12), password);
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, password);
                keyManagers = kmf.getKeyManagers();
            }
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(keyManagers, trustManagers(trustChain), null);
            return ssl;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trust in the CAs of a PEM file (Fujie's trust chain), for tests that make their own TLS connections. */
    public static javax.net.ssl.TrustManager[] trustManagers(Path trustChain) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(trustChain)) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + i++, certificate);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        return tmf.getTrustManagers();
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public Response post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    /** A multipart/form-data POST with one file part. */
    public Response postFile(String path, String part, String filename, byte[] content) {
        return postFiles(path, java.util.List.of(new FilePart(part, filename, content)));
    }

    public record FilePart(String name, String filename, byte[] content) {
    }

    /** A binary answer (a stamped PDF, a DER file). */
    public record Bytes(int status, String contentType, byte[] body) {
    }

    /** A GET keeping the answer's bytes. */
    public Bytes getBytes(String path) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
            headers.forEach(request::header);
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e, e);
        }
    }

    /** A multipart/form-data POST with file parts in this order. */
    public Response postFiles(String path, java.util.List<FilePart> parts) {
        return send(multipart(path, parts));
    }

    /** As {@link #postFiles}, keeping the answer's bytes. */
    public Bytes postFilesForBytes(String path, java.util.List<FilePart> parts) {
        try {
            HttpRequest.Builder request = multipart(path, parts);
            headers.forEach(request::header);
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e, e);
        }
    }

    private HttpRequest.Builder multipart(String path, java.util.List<FilePart> parts) {
        String boundary = "fujie-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (FilePart part : parts) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\"; filename=\""
                    + part.filename() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        // One array, so the request states its Content-Length as curl and browsers do.
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    public Response put(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
    }

    /** The whole answer, headers included; a null body sends none. */
    public HttpResponse<String> exchange(String method, String path, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e, e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e, e);
        }
    }
}
