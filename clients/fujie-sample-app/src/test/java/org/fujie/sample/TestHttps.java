package org.fujie.sample;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.fujie.ca.support.FujieTestClient;

/** A real HTTPS client for the sample application: trusts Fujie's chain, presents a PKCS#12 certificate or none. */
final class TestHttps {

    record Answer(int status, String contentType, String body) {
    }

    private final String baseUrl;
    private final HttpClient http;

    private TestHttps(String baseUrl, SSLContext tls) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static TestHttps withCertificate(String baseUrl, Path trustChain, Path p12, String password) {
        return new TestHttps(baseUrl, tls(trustChain, p12, password));
    }

    static TestHttps withoutCertificate(String baseUrl, Path trustChain) {
        return new TestHttps(baseUrl, tls(trustChain, null, null));
    }

    Answer get(String path) {
        return get(path, null);
    }

    Answer get(String path, String bearerToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).GET();
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        }
    }

    static SSLContext tls(Path trustChain, Path p12, String password) {
        try {
            KeyManagerFactory keyManagers = null;
            if (p12 != null) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(p12)) {
                    keys.load(in, password.toCharArray());
                }
                keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keyManagers.init(keys, password.toCharArray());
            }
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keyManagers == null ? null : keyManagers.getKeyManagers(), FujieTestClient.trustManagers(trustChain), null);
            return tls;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
