package org.fujie.ca;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = {"org.fujie.ca", "org.fujie.service.web", "org.fujie.service.console"})
@ConfigurationPropertiesScan("org.fujie.ca")
public class CaServiceApplication {

    public static void main(String[] args) {
        // commons-logging's SLF4J adapter renders DEBUG messages before checking the level (Spring
        // Security's X.509 filter formats the client certificate on every request); the Log4j API
        // adapter checks first, and log4j-to-slf4j still hands everything to Logback.
        System.setProperty("org.apache.commons.logging.LogFactory", "org.apache.commons.logging.impl.Log4jApiLogFactory");
        application().run(args);
    }

    /**
     * ca-service as an application: its settings are ca-service.yml, not application.yml, so it can
     * share a classpath with another service (the other services' tests run a real ca-service).
     */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(CaServiceApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", "ca-service"));
        return application;
    }
}
