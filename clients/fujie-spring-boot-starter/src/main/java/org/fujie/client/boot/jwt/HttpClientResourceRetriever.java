package org.fujie.client.boot.jwt;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;

/**
 * Fetches the JWKS through the starter's HTTP client, whose TLS trusts only Fujie's CAs. The answer is read up to
 * a size limit: a key set is a few kilobytes, a hostile endpoint must not fill memory.
 */
final class HttpClientResourceRetriever implements ResourceRetriever {

    static final int MAX_BYTES = 256 * 1024;

    private final HttpClient http;
    private final Duration timeout;

    HttpClientResourceRetriever(HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url.toURI()).timeout(timeout)
                    .header("Accept", "application/jwk-set+json, application/json").GET().build();
        } catch (URISyntaxException e) {
            throw new IOException("not a URL: " + url, e);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("JWKS " + url + " answered HTTP " + response.statusCode());
            }
            byte[] content = body.readNBytes(MAX_BYTES + 1);
            if (content.length > MAX_BYTES) {
                throw new IOException("JWKS " + url + " is larger than " + MAX_BYTES + " bytes");
            }
            return new Resource(new String(content, StandardCharsets.UTF_8), response.headers().firstValue("Content-Type").orElse(null));
        }
    }
}
