package org.fujie.trust;




import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.tsp.TimeStampResponse;
import org.fujie.ca.support.FreePorts;
import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.PublicHttp;
import org.fujie.ca.support.RunningCaService;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * trust-service beside a real ca-service on one data folder, as `./fujie start` runs them; ca-service's certificates
 * name the port its OCSP really listens on, so validation can reach it. Close it to stop both.
 */
final class RunningTrustService implements AutoCloseable {

    final RunningCaService ca;
    final ConfigurableApplicationContext trust;
    final FujieTestClient admin;
    final String trustUrl;

    private RunningTrustService(RunningCaService ca, ConfigurableApplicationContext trust) {
        this.ca = ca;
        this.trust = trust;
        this.trustUrl = "https://localhost:" + trust.getEnvironment().getProperty("local.server.port");
        this.admin = FujieTestClient.forPkcs12(trustUrl, ca.dataDir().resolve("bootstrap/admin.p12"),
                ca.dataDir().resolve("bootstrap/admin.pass"), ca.trustChain());
    }

    /** @param settings extra trust-service settings, e.g. {@code fujie.tsa.algorithm=SM2} */
    static RunningTrustService start(Map<String, String> settings) {
        int caPublicPort = FreePorts.any();
        // trust-service's port is chosen first, so ca-service can check its bearer tokens against trust-service's keys.
        int trustPort = FreePorts.any();
        RunningCaService ca = RunningCaService.start(Map.of("fujie.public-http.port", Integer.toString(caPublicPort),
                "fujie.public-base-url", "http://127.0.0.1:" + caPublicPort,
                "fujie.auth.jwks-uri", "https://127.0.0.1:" + trustPort + "/.well-known/jwks.json"));
        List<String> arguments = new ArrayList<>(List.of("--fujie.data-dir=" + ca.dataDir(), "--server.port=" + trustPort,
                "--fujie.public-http.port=0", "--fujie.tsa.ca-url=" + ca.baseUrl(), "--fujie.tsa.check-interval=1s",
                "--fujie.max-request-bytes=2000000"));
        settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        try {
            return new RunningTrustService(ca, TrustServiceApplication.application().run(arguments.toArray(String[]::new)));
        } catch (RuntimeException e) {
            ca.close();
            throw e;
        }
    }

    String tsaUrl() {
        return publicUrl() + "/tsa";
    }

    /** The plain-HTTP port (TSA, no API). */
    String publicUrl() {
        var server = (TomcatWebServer) ((WebServerApplicationContext) trust).getWebServer();
        for (var connector : server.getTomcat().getService().findConnectors()) {
            if ("http".equals(connector.getScheme())) {
                return "http://127.0.0.1:" + connector.getLocalPort();
            }
        }
        throw new IllegalStateException("no plain-HTTP connector");
    }

    /** The TSA's reply, once it has its certificate from ca-service (fetched in the background after start). */
    byte[] stampWhenReady(byte[] query) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            byte[] probe = query != null ? query : new byte[0];
            HttpResponse<byte[]> response = PublicHttp.post(tsaUrl(), "application/timestamp-query", probe);
            TimeStampResponse parsed = new TimeStampResponse(response.body());
            if (parsed.getFailInfo() == null || parsed.getFailInfo().intValue() != PKIFailureInfo.systemFailure) {
                return response.body();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the TSA got no certificate within 20 s");
    }

    @Override
    public void close() {
        try {
            trust.close();
        } finally {
            ca.close();
        }
    }

}
