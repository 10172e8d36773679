package org.fujie.ca.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.fujie.ca.CaServiceApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real ca-service on a random HTTPS port, started as `java -jar` would start it (bootstrap, TLS,
 * Flyway), with its own data folder. Restartable on the same data folder and database.
 */
public final class RunningCaService implements AutoCloseable {

    private final Path dataDir;
    private final Map<String, Object> properties;
    private ConfigurableApplicationContext context;
    private FujieTestClient admin;
    private Runnable onClose = () -> { };

    private RunningCaService(Path dataDir, Map<String, Object> properties) {
        this.dataDir = dataDir;
        this.properties = properties;
    }

    /** On the embedded H2 default. */
    public static RunningCaService embedded() {
        return start(Map.of());
    }

    /** On a fresh database of the real PostgreSQL, dropped again on close. */
    public static RunningCaService onPostgres() {
        return onPostgres(Map.of());
    }

    /** On a fresh database of the real PostgreSQL with more settings, dropped again on close. */
    public static RunningCaService onPostgres(Map<String, Object> settings) {
        Map<String, Object> database = TestDatabases.freshPostgres();
        Map<String, Object> all = new LinkedHashMap<>(database);
        all.putAll(settings);
        RunningCaService service = start(all);
        service.onClose = () -> TestDatabases.drop(database);
        return service;
    }

    public static RunningCaService start(Map<String, Object> extra) {
        Path dataDir;
        try {
            dataDir = Files.createDirectories(Path.of("target", "test-data", UUID.randomUUID().toString())).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> properties = new LinkedHashMap<>(extra);
        properties.put("fujie.data-dir", dataDir.toString());
        properties.putIfAbsent("server.port", "0");
        properties.putIfAbsent("fujie.public-http.port", "0");
        RunningCaService service = new RunningCaService(dataDir, properties);
        service.boot();
        return service;
    }

    /** Another instance on the same database and data folder, as a second node of a cluster would run. */
    public RunningCaService secondInstance() {
        RunningCaService sibling = new RunningCaService(dataDir, new LinkedHashMap<>(properties));
        sibling.boot();
        return sibling;
    }

    private void boot() {
        // As command-line arguments: they outrank ca-service.yml, as an operator's settings would.
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        context = CaServiceApplication.application().run(arguments);
        admin = FujieTestClient.forPkcs12(baseUrl(), dataDir.resolve("bootstrap/admin.p12"),
                dataDir.resolve("bootstrap/admin.pass"), trustChain());
    }

    /** Stops and starts again on the same data folder and database. */
    public void restart() {
        context.close();
        boot();
    }

    public String baseUrl() {
        return "https://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** The plain-HTTP connector of the public PKI endpoints. */
    public String publicBaseUrl() {
        var server = (org.springframework.boot.tomcat.TomcatWebServer)
                ((org.springframework.boot.web.server.context.WebServerApplicationContext) context).getWebServer();
        for (var connector : server.getTomcat().getService().findConnectors()) {
            if ("http".equals(connector.getScheme())) {
                return "http://127.0.0.1:" + connector.getLocalPort();
            }
        }
        throw new IllegalStateException("no plain-HTTP connector");
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path trustChain() {
        return dataDir.resolve("bootstrap/trust-chain.pem");
    }

    /** A client with the bootstrap ADMIN certificate. */
    public FujieTestClient admin() {
        return admin;
    }

    /** A client with no certificate at all. */
    public FujieTestClient anonymous() {
        return FujieTestClient.anonymous(baseUrl(), trustChain());
    }

    /** The running application, e.g. to read which endpoints it has. */
    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
        onClose.run();
    }
}
