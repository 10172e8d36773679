package org.fujie.sample;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The sample application on a random HTTPS port of 127.0.0.1, with the given arguments over application.yml. */
final class RunningSampleApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningSampleApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static RunningSampleApp start(List<String> arguments) {
        List<String> all = new ArrayList<>(List.of("--server.port=0",
                // ca-service and trust-service share this test class path; the sample application has no database.
                "--spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
                        + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"));
        all.addAll(arguments);
        return new RunningSampleApp(new SpringApplicationBuilder(SampleApplication.class).run(all.toArray(String[]::new)));
    }

    String baseUrl() {
        return "https://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
