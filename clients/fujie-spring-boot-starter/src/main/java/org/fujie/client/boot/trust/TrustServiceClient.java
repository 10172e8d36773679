package org.fujie.client.boot.trust;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import javax.net.ssl.SSLContext;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls the starter makes to trust-service's API over mutual TLS (as the application, role APP):
 * certificate validation and token introspection. Anything but a well-formed answer is "unavailable":
 * the caller fails closed.
 */
public final class TrustServiceClient {

    private static final Log log = LogFactory.getLog(TrustServiceClient.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI baseUrl;
    private final HttpClient http;
    private final Duration requestTimeout;

    public TrustServiceClient(URI baseUrl, SSLContext tls, Duration connectTimeout, Duration requestTimeout) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "set fujie.client.trust-service-url");
        this.http = HttpClient.newBuilder().sslContext(tls).connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        this.requestTimeout = requestTimeout;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** The HTTP client with the application's TLS, for the JWKS. */
    public HttpClient http() {
        return http;
    }

    /** {@code POST /api/v1/certificates/validate}; chainPem may be null. */
    public CertificateVerdict validate(String certificatePem, String chainPem, String purpose) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("certificatePem", certificatePem);
        if (chainPem != null && !chainPem.isEmpty()) {
            request.put("chainPem", chainPem);
        }
        request.put("purpose", purpose);
        JsonNode answer = send(HttpRequest.newBuilder(resolve("/api/v1/certificates/validate"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request))), "certificate validation");
        if (!answer.path("valid").isBoolean()) {
            throw new TrustServiceUnavailableException("trust-service's validation answer has no 'valid'");
        }
        boolean revoked = false;
        for (JsonNode finding : answer.path("revocation")) {
            revoked |= "REVOKED".equals(finding.path("status").asString(null));
        }
        return new CertificateVerdict(answer.get("valid").asBoolean(), answer.path("indication").asString(null),
                answer.path("subIndication").asString(null), revoked, answer.path("detail").asString(null));
    }

    /** {@code POST /api/v1/auth/introspect} (RFC 7662): whether trust-service still considers the token active. */
    public boolean introspect(String token) {
        String form = "token=" + URLEncoder.encode(token, StandardCharsets.US_ASCII);
        JsonNode answer = send(HttpRequest.newBuilder(resolve("/api/v1/auth/introspect"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.US_ASCII)), "token introspection");
        if (!answer.path("active").isBoolean()) {
            throw new TrustServiceUnavailableException("trust-service's introspection answer has no 'active'");
        }
        return answer.get("active").asBoolean();
    }

    private URI resolve(String path) {
        String base = baseUrl.toString();
        return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) + path : base + path);
    }

    private JsonNode send(HttpRequest.Builder request, String what) {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.timeout(requestTimeout).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            log.warn("trust-service " + baseUrl + " unreachable for " + what + ": " + e);
            throw new TrustServiceUnavailableException("trust-service cannot be reached for " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrustServiceUnavailableException("interrupted while waiting for trust-service", e);
        }
        if (response.statusCode() != 200) {
            // 401/403 mean this application is not (or no longer) granted role APP: a set-up fault, never the user's.
            log.warn("trust-service answered " + what + " with HTTP " + response.statusCode());
            throw new TrustServiceUnavailableException("trust-service answered " + what + " with HTTP " + response.statusCode()
                    + (response.statusCode() == 401 || response.statusCode() == 403
                            ? " (is this application's certificate granted role APP there?)" : ""));
        }
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw new TrustServiceUnavailableException("trust-service's " + what + " answer is not JSON", e);
        }
    }
}
