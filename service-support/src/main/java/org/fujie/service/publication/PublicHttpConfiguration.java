package org.fujie.service.publication;

import java.util.List;

import io.micrometer.observation.ObservationPredicate;

import org.apache.catalina.connector.Connector;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * The plain-HTTP connector for the public endpoints (RFC 5280 4.2.2.1 and 4.2.1.13 expect http URLs
 * for CA certificates and CRLs; RFC 6960 for OCSP; RFC 3161 for time-stamps). Only the paths in
 * {@code fujie.public-http.paths} are served there; the API stays on the HTTPS port.
 * {@code fujie.public-http.port} -1 turns it off, 0 picks a free port (tests).
 */
@Configuration
public class PublicHttpConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> publicHttpConnector(
            @Value("${fujie.public-http.port:8080}") int port,
            @Value("${fujie.public-http.address:${server.address:127.0.0.1}}") String address,
            @Value("${server.tomcat.max-keep-alive-requests:100}") int maxKeepAliveRequests) {
        return factory -> {
            if (port < 0) {
                return;
            }
            Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
            connector.setScheme("http");
            connector.setPort(port);
            connector.setProperty("address", address);
            // An extra connector does not inherit server.tomcat.*: relying parties keep their connections too.
            connector.setProperty("maxKeepAliveRequests", Integer.toString(maxKeepAliveRequests));
            // RFC 6960 A.1 GET requests carry URL-encoded base64, where '/' arrives as %2F: the OCSP servlet decodes it.
            connector.setEncodedSolidusHandling("passthrough");
            factory.addAdditionalConnectors(connector);
        };
    }

    /**
     * No HTTP observation (timers, tags) for requests on the plain-HTTP port (OCSP, CRLs, the TSA): at
     * thousands of requests a second it cost a fifth of OCSP's throughput and 7 % of the TSA's
     * (measured with wrk and JFR), and nobody reads per-request metrics of public endpoints.
     */
    @Bean
    ObservationPredicate noObservationOfPublicEndpoints() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server && !server.getCarrier().isSecure());
    }

    @Bean
    FilterRegistrationBean<PublicEndpointGuard> publicEndpointGuard(@Value("${fujie.public-http.paths:/pki/}") List<String> paths) {
        FilterRegistrationBean<PublicEndpointGuard> registration = new FilterRegistrationBean<>(new PublicEndpointGuard(paths));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
