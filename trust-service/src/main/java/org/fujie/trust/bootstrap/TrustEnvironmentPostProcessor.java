package org.fujie.trust.bootstrap;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.fujie.service.config.ServiceTls;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Before the web server exists: points TLS at the certificate ca-service's bootstrap made for
 * trust-service, and the embedded H2 database at the data folder. Explicit settings win.
 */
public class TrustEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SERVICE = "trust-service";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!SERVICE.equals(environment.getProperty("spring.application.name"))) {
            return; // another service sharing this classpath (in tests)
        }
        Path dataDir = Path.of(environment.getProperty("fujie.data-dir", "data")).toAbsolutePath().normalize();
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve(SERVICE).resolve("db").resolve("trust")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        if (environment.getProperty("server.ssl.key-store") == null) {
            if (!ServiceTls.exists(dataDir, SERVICE)) {
                throw new IllegalStateException("no TLS certificate for trust-service under " + dataDir.resolve("tls")
                        + ": start ca-service first, its bootstrap makes one for each service (./fujie start does this)");
            }
            defaults.putAll(ServiceTls.serverProperties(dataDir, SERVICE));
        }
        environment.getPropertySources().addLast(new MapPropertySource("fujie-defaults", defaults));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
