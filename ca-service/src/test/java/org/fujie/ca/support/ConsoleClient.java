package org.fujie.ca.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

/**
 * A browser as far as the console's server side can tell: mutual TLS with a client certificate (or none), a cookie
 * jar for the session, redirects not followed (so tests see them), and the CSRF token of the last page read, which
 * {@link #post} sends as the console's forms do.
 */
public final class ConsoleClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public record Page(int status, String location, String contentSecurityPolicy, String body) {
    }

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String csrfToken;

    private ConsoleClient(String baseUrl, SSLContext tls) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().sslContext(tls).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static ConsoleClient withCertificate(String baseUrl, byte[] p12, char[] password, Path trustChain) {
        return new ConsoleClient(baseUrl, FujieTestClient.tls(p12, password, trustChain));
    }

    /** The bootstrap ADMIN of a running ca-service. */
    public static ConsoleClient admin(RunningCaService ca) {
        try {
            char[] password = java.nio.file.Files.readString(ca.dataDir().resolve("bootstrap/admin.pass")).strip().toCharArray();
            return withCertificate(ca.baseUrl(), java.nio.file.Files.readAllBytes(ca.dataDir().resolve("bootstrap/admin.p12")),
                    password, ca.trustChain());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ConsoleClient anonymous(RunningCaService ca) {
        return anonymous(ca.baseUrl(), ca.trustChain());
    }

    /** A browser with no client certificate, trusting the chain. */
    public static ConsoleClient anonymous(String baseUrl, Path trustChain) {
        return new ConsoleClient(baseUrl, FujieTestClient.tls(null, null, trustChain));
    }

    /** The value of a cookie the service set (e.g. the session id), or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    public Page get(String path) {
        return remember(send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()));
    }

    /** A form POST carrying the CSRF token of the last page read. */
    public Page post(String path, Map<String, String> fields) {
        return submit("POST", path, fields);
    }

    /** A form sent with another method (PUT: what no console form sends), carrying the CSRF token of the last page read. */
    public Page submit(String method, String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        if (csrfToken != null) {
            withToken.put("_csrf", csrfToken);
        }
        return remember(send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(form(withToken)))));
    }

    /** A file the console answers with (a PKCS#12 download): its bytes and how it was sent. */
    public record Download(int status, String contentType, String contentDisposition, byte[] body) {
    }

    /** A form POST with the CSRF token whose answer is a file. */
    public Download postForDownload(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfToken);
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(withToken))).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e, e);
        }
    }

    /** A file part of a multipart form. */
    public record FilePart(String name, String fileName, byte[] bytes) {
    }

    /** A multipart form POST (file uploads) with the CSRF token of the last page read; the answer as bytes. */
    public Download postMultipart(String path, Map<String, String> fields, java.util.List<FilePart> files) {
        String boundary = "fujie-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfToken);
        withToken.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (FilePart file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.name() + "\"; filename=\""
                    + file.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.bytes());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Content-Disposition").orElse(""), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e, e);
        }
    }

    /** A form POST exactly as given: a hostile page's, which cannot know the token. */
    public Page postWithoutToken(String path, Map<String, String> fields) {
        return remember(send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** Any request with extra headers (e.g. what a browser adds to a cross-site one); the body as given. */
    public Page send(String method, String path, Map<String, String> headers, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    // All values joined: a second policy header would show here as a difference.
                    String.join(" | ", response.headers().allValues("Content-Security-Policy")), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("request failed: " + e, e);
        }
    }

    private Page remember(Page page) {
        Matcher token = CSRF.matcher(page.body());
        if (token.find()) {
            csrfToken = token.group(1);
        }
        return page;
    }
}
