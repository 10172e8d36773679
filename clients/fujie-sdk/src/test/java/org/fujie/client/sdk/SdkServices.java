package org.fujie.client.sdk;

import java.io.IOException;
import java.io.UncheckedIOException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.fujie.ca.support.FreePorts;
import org.fujie.ca.support.RunningCaService;
import org.fujie.client.sdk.ca.CaClient;
import org.fujie.client.sdk.ca.GeneratedKey;
import org.fujie.client.sdk.ca.IssueRequest;
import org.fujie.seal.SealServiceApplication;
import org.fujie.trust.TrustServiceApplication;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * ca-service, trust-service and seal-service on one data folder, as {@code ./fujie start} runs them, started once for
 * every test class that asks for them (a parameter of type SdkServices) and stopped when the test run ends. ca-service
 * and seal-service check bearer tokens against this trust-service's keys; the ports are chosen first so each service
 * can be told where the others are.
 */
public final class SdkServices implements AutoCloseable {

    private final RunningCaService ca;
    private final ConfigurableApplicationContext trust;
    private final ConfigurableApplicationContext seal;
    private final String tsaUrl;
    private final FujieConnection admin;

    private SdkServices() {
        int caPublicPort = FreePorts.any();
        int trustPort = FreePorts.any();
        int tsaPort = FreePorts.any();
        String jwks = "https://127.0.0.1:" + trustPort + "/.well-known/jwks.json";
        // ca-service's certificates name the port its OCSP really listens on, so stamps and validation can reach it.
        ca = RunningCaService.start(Map.of("fujie.public-http.port", Integer.toString(caPublicPort),
                "fujie.public-base-url", "http://127.0.0.1:" + caPublicPort, "fujie.auth.jwks-uri", jwks));
        tsaUrl = "http://127.0.0.1:" + tsaPort + "/tsa";
        ConfigurableApplicationContext trustService = null;
        try {
            trustService = TrustServiceApplication.application().run("--fujie.data-dir=" + ca.dataDir(),
                    "--server.port=" + trustPort, "--fujie.public-http.port=" + tsaPort, "--fujie.tsa.ca-url=" + ca.baseUrl(),
                    "--fujie.tsa.check-interval=1s");
            seal = SealServiceApplication.application().run("--fujie.data-dir=" + ca.dataDir(), "--server.port=0",
                    "--fujie.seal.ca-url=" + ca.baseUrl(), "--fujie.seal.tsa-url=" + tsaUrl, "--fujie.auth.jwks-uri=" + jwks,
                    "--fujie.seal.expiry-check-initial-delay=1d");
        } catch (RuntimeException e) {
            if (trustService != null) {
                trustService.close();
            }
            ca.close();
            throw e;
        }
        trust = trustService;
        admin = FujieConnection.builder(ca.baseUrl()).trustChain(ca.trustChain())
                .pkcs12(ca.dataDir().resolve("bootstrap/admin.p12"), adminPassword()).userAgent("sdk-tests").build();
    }

    /** JUnit: resolves an SdkServices parameter to the one instance of this test run. */
    public static final class Resolver implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SdkServices.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            // The root store closes what it holds (AutoCloseable) when the whole run ends.
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(SdkServices.class, key -> new SdkServices(), SdkServices.class);
        }
    }

    public String caUrl() {
        return ca.baseUrl();
    }

    public String trustUrl() {
        return "https://localhost:" + trust.getEnvironment().getProperty("local.server.port");
    }

    public String sealUrl() {
        return "https://localhost:" + seal.getEnvironment().getProperty("local.server.port");
    }

    public String tsaUrl() {
        return tsaUrl;
    }

    public Path dataDir() {
        return ca.dataDir();
    }

    public Path trustChain() {
        return ca.trustChain();
    }

    public char[] adminPassword() {
        try {
            return Files.readString(ca.dataDir().resolve("bootstrap/admin.pass")).strip().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bootstrap ADMIN, mutual TLS, at ca-service ({@link FujieConnection#at} for the others). */
    public FujieConnection admin() {
        return admin;
    }

    public <T> T trustServiceBean(Class<T> type) {
        return trust.getBean(type);
    }

    /**
     * A person with a key and certificate from ca-service (profile tls-client for mutual TLS, user-auth for log-in),
     * granted the roles by the bootstrap ADMIN in the service at grantedAt (none: granted nothing anywhere).
     */
    public TestUser user(String subject, String profile, String grantedAt, String... roles) {
        GeneratedKey key = new CaClient(admin).generate(IssueRequest.withGeneratedKey(profile, subject, "EC-P256", TestUser.PASSWORD));
        if (roles.length > 0) {
            grant(grantedAt, subject, roles);
        }
        return new TestUser(key, this);
    }

    /** PUT /api/v1/principals: the SDK has no client for principals (an administrator's task), so the raw call. */
    public void grant(String serviceUrl, String subject, String... roles) {
        FujieConnection service = admin.at(serviceUrl);
        byte[] body = service.write(Map.of("subject", subject, "roles", List.of(roles))).getBytes(StandardCharsets.UTF_8);
        service.send("PUT", service.resolve("/api/v1/principals"), "application/json", body, "application/json",
                Idempotency.IDEMPOTENT);
    }

    @Override
    public void close() {
        try {
            seal.close();
            trust.close();
        } finally {
            ca.close();
        }
    }

}
