package org.fujie.ca;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = {"org.fujie.ca", "org.fujie.service.web"})
@ConfigurationPropertiesScan("org.fujie.ca")
public class CaServiceApplication {

    public static void main(String[] args) {
        // commons-logging's SLF4J adapter renders DEBUG messages before checking the level (Spring
        // Security's X.509 filter formats the client certificate on every request); the Log4j API
        // adapter checks first, and log4j-to-slf4j still hands everything to Logback.
        System.setProperty("org.apache.commons.logging.LogFactory", "org.apache.commons.logging.impl.Log4jApiLogFactory");
        SpringApplication.run(CaServiceApplication.class, args);
    }
}
