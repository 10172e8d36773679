package org.fujie.seal;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = {"org.fujie.seal", "org.fujie.service.web", "org.fujie.service.console"})
@ConfigurationPropertiesScan("org.fujie.seal")
public class SealServiceApplication {

    public static void main(String[] args) {
        // See CaServiceApplication: the Log4j API adapter checks the level before formatting.
        System.setProperty("org.apache.commons.logging.LogFactory", "org.apache.commons.logging.impl.Log4jApiLogFactory");
        application().run(args);
    }

    /** seal-service as an application: its settings are seal-service.yml. */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(SealServiceApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", "seal-service"));
        return application;
    }
}
