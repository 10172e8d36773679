package org.fujie.trust;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = {"org.fujie.trust", "org.fujie.service.web", "org.fujie.service.console"})
@ConfigurationPropertiesScan("org.fujie.trust")
public class TrustServiceApplication {

    public static void main(String[] args) {
        // See CaServiceApplication: the Log4j API adapter checks the level before formatting.
        System.setProperty("org.apache.commons.logging.LogFactory", "org.apache.commons.logging.impl.Log4jApiLogFactory");
        application().run(args);
    }

    /** trust-service as an application: its settings are trust-service.yml. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(TrustServiceApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", "trust-service"));
        return application;
    }
}
