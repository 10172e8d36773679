package org.fujie.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.fujie.ca.support.FreePorts;
import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.RunningCaService;
import org.fujie.ca.support.TestCertificates;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * seal-service beside a real ca-service on one data folder, as `./fujie start` runs them, on random ports. Its clock
 * is a {@link TestClock} (the services' clock bean yields to it); the scheduled expiry check waits a day, so only a
 * test runs it.
 */
final class RunningSealService implements AutoCloseable {

    private final RunningCaService ca;
    private final ConfigurableApplicationContext trust;
    private final String tsaUrl;
    private final TestClock clock = new TestClock();
    private final ConfigurableApplicationContext context;
    private final String url;
    private final FujieTestClient admin;

    private RunningSealService(boolean withTrustService, String... sealArguments) {
        int caPublicPort = FreePorts.any();
        // Certificates must name the port ca-service's OCSP really listens on, so the stamped PDFs validate online.
        ca = RunningCaService.start(Map.of("fujie.public-http.port", Integer.toString(caPublicPort),
                "fujie.public-base-url", "http://127.0.0.1:" + caPublicPort));
        int tsaPort = withTrustService ? FreePorts.any() : 1;
        tsaUrl = "http://127.0.0.1:" + tsaPort + "/tsa";
        SpringApplication application = SealServiceApplication.application();
        application.addInitializers(c -> ((GenericApplicationContext) c).registerBean("testClock", Clock.class, () -> clock,
                definition -> definition.setPrimary(true)));
        ConfigurableApplicationContext trustService = null;
        try {
            if (withTrustService) {
                trustService = org.fujie.trust.TrustServiceApplication.application().run("--fujie.data-dir=" + ca.dataDir(),
                        "--server.port=0", "--fujie.public-http.port=" + tsaPort, "--fujie.tsa.ca-url=" + ca.baseUrl(),
                        "--fujie.tsa.check-interval=1s");
            }
            // Without trust-service the TSA URL leads nowhere (port 1), never to a TSA a developer may be running.
            List<String> arguments = new java.util.ArrayList<>(List.of("--fujie.data-dir=" + ca.dataDir(), "--server.port=0",
                    "--fujie.seal.ca-url=" + ca.baseUrl(), "--fujie.seal.expiry-check-initial-delay=1d", "--fujie.seal.tsa-url=" + tsaUrl));
            arguments.addAll(List.of(sealArguments));
            context = application.run(arguments.toArray(String[]::new));
        } catch (RuntimeException e) {
            if (trustService != null) {
                trustService.close();
            }
            ca.close();
            throw e;
        }
        trust = trustService;
        url = "https://localhost:" + context.getEnvironment().getProperty("local.server.port");
        admin = FujieTestClient.forPkcs12(url, ca.dataDir().resolve("bootstrap/admin.p12"), ca.dataDir().resolve("bootstrap/admin.pass"),
                ca.trustChain());
    }

    static RunningSealService start() {
        return new RunningSealService(false);
    }

    /** With trust-service beside them too, its TSA the one seal-service stamps B-T and higher with. */
    static RunningSealService startWithTrustService(String... sealArguments) {
        return new RunningSealService(true, sealArguments);
    }

    /** trust-service's API, when started with it. */
    String trustUrl() {
        return "https://localhost:" + trust.getEnvironment().getProperty("local.server.port");
    }

    /** Waits until trust-service's TSA has its certificate from ca-service (it asks right after start). */
    void awaitTimeStampAuthority() throws InterruptedException {
        org.fujie.pki.tsp.TimeStampClient client = org.fujie.pki.tsp.TimeStampClient.http(
                org.fujie.pki.validation.JdkHttpFetcher.withDefaults(), java.net.URI.create(tsaUrl));
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                client.timeStamp(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256, new byte[32]);
                return;
            } catch (org.fujie.pki.tsp.TimeStamper.TimeStampException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("trust-service's TSA got no certificate within 20 s");
    }

    RunningCaService ca() {
        return ca;
    }

    String url() {
        return url;
    }

    TestClock clock() {
        return clock;
    }

    /** The bootstrap ADMIN. */
    FujieTestClient admin() {
        return admin;
    }

    /** The running seal-service, e.g. to read which endpoints it has. */
    ConfigurableApplicationContext context() {
        return context;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A client certificate from ca-service, granted the role in seal-service by the bootstrap ADMIN. */
    FujieTestClient withRole(String subject, String role) {
        FujieTestClient.Response issued = ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client", "subject", subject,
                "keyGeneration", Map.of("algorithm", "EC-P256", "password", "seal-admin")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(admin.put("/api/v1/principals", Map.of("subject", subject, "roles", List.of(role))).status()).isBetween(200, 201);
        return FujieTestClient.forPkcs12(url, Base64.getDecoder().decode(issued.json().get("pkcs12").asString()),
                "seal-admin".toCharArray(), ca.trustChain());
    }

    /** A client certificate from ca-service (its PKCS#12, for a browser), granted the role in seal-service by fingerprint. */
    TestCertificates.Issued user(String subject, String role) {
        TestCertificates.Issued issued = TestCertificates.tlsClient(ca, subject, "console-user");
        FujieTestClient.Response granted = admin.put("/api/v1/principals", Map.of("fingerprint", issued.fingerprint(), "roles", List.of(role)));
        assertThat(granted.status()).as(granted.body()).isBetween(200, 201);
        return issued;
    }

    @Override
    public void close() {
        try {
            context.close();
            if (trust != null) {
                trust.close();
            }
        } finally {
            ca.close();
        }
    }
}
