package org.fujie.seal.bootstrap;

import org.fujie.service.config.EmbeddedDefaults;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/** Before the web server exists: seal-service's embedded defaults (H2 under the data folder, its bootstrap TLS certificate). */
public class SealEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SERVICE = "seal-service";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (SERVICE.equals(environment.getProperty("spring.application.name"))) { // not another service sharing this classpath
            EmbeddedDefaults.apply(environment, SERVICE, "seal");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
