package org.fujie.trust.tsa;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.fujie.service.config.KeyPassphrase;
import org.fujie.trust.bootstrap.BootstrapCredentials;
import org.fujie.trust.config.TsaProperties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** ca-service's API as trust-service uses it: issue a certificate for a CSR, over mutual TLS. */
public final class CaClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What ca-service answered: the certificate and its issuer chain, PEM. */
    public record Issued(String certificatePem, String chainPem) {
    }

    private final TsaProperties settings;

    public CaClient(TsaProperties settings) {
        this.settings = settings;
    }

    public Issued issue(String profile, String csrPem, String subject) {
        String body = JSON.writeValueAsString(java.util.Map.of("profile", profile, "csr", csrPem, "subject", subject));
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.caUrl() + "/api/v1/certificates"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("ca-service refused the " + profile + " certificate: HTTP "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode issued = JSON.readTree(response.body());
            return new Issued(issued.get("certificatePem").asString(), issued.get("chainPem").asString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach ca-service at " + settings.caUrl() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpClient client() {
        try {
            KeyStore credential = BootstrapCredentials.pkcs12(settings.caCredential(), settings.caCredentialPasswordFile());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(credential, KeyPassphrase.secretFile(settings.caCredentialPasswordFile()));
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            List<X509Certificate> anchors = BootstrapCredentials.certificates(settings.caTrust());
            for (int i = 0; i < anchors.size(); i++) {
                trust.setCertificateEntry("ca-" + i, anchors.get(i));
            }
            TrustManagerFactory trusted = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trusted.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), trusted.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS to ca-service", e);
        }
    }
}
