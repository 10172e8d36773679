package org.fujie.service.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded single-machine defaults of a service other than ca-service, set before the web server exists:
 * its H2 file database under the data folder and the TLS certificate ca-service's bootstrap made for it.
 * Explicit settings win (they are added last).
 */
public final class EmbeddedDefaults {

    private EmbeddedDefaults() {
    }

    /** @param database the H2 database's file name under {@code <data>/<service>/db/} */
    public static void apply(ConfigurableEnvironment environment, String service, String database) {
        Path dataDir = Path.of(environment.getProperty("fujie.data-dir", "data")).toAbsolutePath().normalize();
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve(service).resolve("db").resolve(database)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        if (!ServiceTls.configuredExplicitly(environment)) {
            if (!ServiceTls.exists(dataDir, service)) {
                throw new IllegalStateException("no TLS certificate for " + service + " under " + dataDir.resolve("tls")
                        + ": start ca-service first, its bootstrap makes one for each service (./fujie start does this)");
            }
            defaults.putAll(ServiceTls.serverProperties(dataDir, service, environment));
        }
        environment.getPropertySources().addLast(new MapPropertySource("fujie-defaults", defaults));
    }
}
