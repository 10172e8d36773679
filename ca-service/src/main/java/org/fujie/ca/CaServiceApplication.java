package org.fujie.ca;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CaServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CaServiceApplication.class, args);
    }
}
