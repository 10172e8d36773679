package org.fujie.ca.bootstrap;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.fujie.ca.config.FujieProperties;
import org.fujie.service.config.ServiceTls;
import org.fujie.service.keys.KeyBackends;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Runs before the web server exists, because Tomcat needs its TLS key store at start: makes the
 * bootstrap material if it is missing and points the server's TLS settings and the embedded H2
 * database at the data folder. Anything configured explicitly wins (these defaults are added last).
 */
public class BootstrapEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!"ca-service".equals(environment.getProperty("spring.application.name"))) {
            return; // another service sharing this classpath (in tests)
        }
        FujieProperties properties = Binder.get(environment).bind("fujie", FujieProperties.class).orElseGet(FujieProperties::new);
        Path dataDir = properties.getDataDir().toAbsolutePath().normalize();
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("ca-service").resolve("db").resolve("ca")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        if (properties.getBootstrap().isEnabled()) {
            BootstrapMaterial material;
            // Two instances started at once on a fresh shared data folder must not make two CA hierarchies (nor two
            // key-store passphrases: opening the key backends may write them, so that is under the lock too).
            try (BootstrapLock lock = BootstrapLock.acquire(dataDir)) {
                material = new BootstrapMaterial(properties, dataDir,
                        KeyBackends.open(Binder.get(environment), dataDir, dataDir.resolve("keys")));
                material.ensure();
            }
            if (!ServiceTls.configuredExplicitly(environment)) {
                defaults.putAll(material.serverTlsProperties(environment));
            }
        }
        environment.getPropertySources().addLast(new MapPropertySource("fujie-defaults", defaults));
    }

    @Override
    public int getOrder() {
        // After the application's own configuration files are loaded.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
