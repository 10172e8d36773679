package org.fujie.service.ca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.KeyBackend;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.x509.Pem;
import org.fujie.pki.x509.SubjectNames;
import org.fujie.service.bootstrap.BootstrapCredentials;
import org.fujie.service.config.KeyPassphrase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** ca-service's API as the other services use it, over mutual TLS: issue a certificate for a CSR, revoke one. */
public final class CaClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What ca-service answered: the certificate and its issuer chain, PEM. */
    public record Issued(String certificatePem, String chainPem) {
    }

    private final CaConnection connection;
    /** Made on first use (the credential may appear after start-up, when ca-service bootstraps it), then kept. */
    private volatile HttpClient client;

    public CaClient(CaConnection connection) {
        this.connection = connection;
    }

    /** @throws IllegalStateException when ca-service refuses or cannot be reached (its answer in the message) */
    public Issued issue(String profile, String csrPem, String subject) {
        return issue(java.util.Map.of("profile", profile, "csr", csrPem, "subject", subject));
    }

    /** As {@link #issue(String, String, String)}, naming the subject alternative names ({@code dns:...}, {@code ip:...}). */
    public Issued issue(String profile, String csrPem, String subject, List<String> sans) {
        return issue(java.util.Map.of("profile", profile, "csr", csrPem, "subject", subject, "sans", sans));
    }

    private Issued issue(java.util.Map<String, Object> request) {
        JsonNode issued = post("/api/v1/certificates", request, 201, "the " + request.get("profile") + " certificate");
        return new Issued(issued.get("certificatePem").asString(), issued.get("chainPem").asString());
    }

    /** A key made in the service's own backend and its certificate from ca-service, leaf first. */
    public record Enrolled(String keyAlias, List<X509CertificateHolder> chain, String chainPem) {
        public X509CertificateHolder certificate() {
            return chain.get(0);
        }
    }

    /**
     * Generates a key under {@code alias} in the backend (or takes the one a crashed try left there), asks for its
     * certificate with a CSR signed by it, so the private key never leaves the backend.
     */
    public Enrolled enrol(KeyBackend keys, String alias, KeyAlgorithm algorithm, String profile, String subject) {
        SigningKey key = keys.contains(alias) ? keys.get(alias) : keys.generate(alias, algorithm);
        String csr;
        try {
            csr = Pem.encode("CERTIFICATE REQUEST", new PKCS10CertificationRequestBuilder(
                    SubjectNames.parse(subject), key.publicKeyInfo()).build(key.newContentSigner()).getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Issued issued = issue(profile, csr, subject);
        List<X509CertificateHolder> chain = new ArrayList<>();
        try {
            chain.add(new X509CertificateHolder(Pem.decode(issued.certificatePem(), "CERTIFICATE")));
            for (byte[] der : Pem.decodeAll(issued.chainPem(), "CERTIFICATE")) {
                chain.add(new X509CertificateHolder(der));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Enrolled(alias, List.copyOf(chain), issued.chainPem());
    }

    /** Revokes (idempotently: ca-service answers 200 for a certificate already revoked). */
    public void revoke(String serialNumber, String reason) {
        post("/api/v1/certificates/" + serialNumber + "/revoke", java.util.Map.of("reason", reason), 200,
                "the revocation of " + serialNumber);
    }

    private JsonNode post(String path, Object body, int expected, String what) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(connection.url() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        try {
            HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("ca-service refused " + what + ": HTTP " + response.statusCode() + " "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach ca-service at " + connection.url() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpClient client() {
        HttpClient made = client;
        if (made == null) {
            made = newClient();
            client = made;
        }
        return made;
    }

    private HttpClient newClient() {
        try {
            KeyStore credential = BootstrapCredentials.pkcs12(connection.credential(), connection.passwordFile());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(credential, KeyPassphrase.secretFile(connection.passwordFile()));
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), BootstrapCredentials.trusting(connection.trust()), null);
            return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS to ca-service", e);
        }
    }
}
