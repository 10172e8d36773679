package org.fujie.service.security.token;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;

import org.fujie.service.bootstrap.BootstrapCredentials;

/**
 * Fetches trust-service's JWKS over HTTPS, trusting only Fujie's CAs (a PEM file read on first use: at start-up
 * ca-service may not have written it yet). Bounded in size and time, so a stuck or hostile endpoint cannot hold a
 * request thread or fill memory.
 */
public final class TrustChainRetriever implements ResourceRetriever {

    private static final int MAX_BYTES = 64 * 1024;

    private final Path trustPem;
    private volatile HttpClient client;

    public TrustChainRetriever(Path trustPem) {
        this.trustPem = trustPem;
    }

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(url.toURI()).timeout(Duration.ofSeconds(5)).GET().build();
        } catch (URISyntaxException e) {
            throw new IOException("bad JWKS URL " + url, e);
        }
        try {
            HttpResponse<InputStream> response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (response.statusCode() != 200) {
                    throw new IOException("JWKS at " + url + " answered HTTP " + response.statusCode());
                }
                if (bytes.length > MAX_BYTES) {
                    throw new IOException("JWKS at " + url + " is larger than " + MAX_BYTES + " bytes");
                }
                return new Resource(new String(bytes, StandardCharsets.UTF_8),
                        response.headers().firstValue("Content-Type").orElse("application/json"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        }
    }

    private HttpClient client() throws IOException {
        HttpClient made = client;
        if (made == null) {
            made = newClient();
            client = made;
        }
        return made;
    }

    private HttpClient newClient() throws IOException {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, BootstrapCredentials.trusting(trustPem), null);
            return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new IOException("cannot set up TLS trusting " + trustPem + ": " + e.getMessage(), e);
        }
    }
}
