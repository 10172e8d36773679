package org.fujie.trust.console;

import static org.fujie.service.security.Role.ADMIN;
import static org.fujie.service.security.Role.APP;
import static org.fujie.service.security.Role.AUDITOR;
import static org.fujie.service.security.ServiceSecurity.names;

import java.util.List;
import java.util.Map;

import org.fujie.service.console.ConsoleMessages;
import org.fujie.service.console.ConsoleNavigation;
import org.fujie.service.console.ConsoleSecurity;
import org.fujie.service.console.ConsoleTargets;
import org.fujie.service.security.CertificateRoleResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * trust-service's console: its pages, texts and rules, mirroring the API's (TrustSecurityConfig): ADMIN and APP verify
 * documents; they and AUDITOR read the trust anchors; AUDITOR posts nothing. Anything not listed is denied. This chain
 * comes before the log-in and API chains.
 */
@Configuration
class TrustConsoleConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain consoleSecurity(HttpSecurity http, CertificateRoleResolver resolver) throws Exception {
        ConsoleSecurity.console(http, resolver).authorizeHttpRequests(auth -> {
            ConsoleSecurity.commonRules(auth);
            auth
                    .requestMatchers("/console/verify").hasAnyRole(names(ADMIN, APP))
                    .requestMatchers(HttpMethod.GET, "/console/", "/console/anchors").hasAnyRole(names(ADMIN, APP, AUDITOR))
                    .anyRequest().denyAll();
        });
        return http.build();
    }

    @Bean
    ConsoleNavigation trustConsoleNavigation() {
        return new ConsoleNavigation("trust", List.of(
                new ConsoleNavigation.Item("trust.nav.verify", "/console/verify"),
                new ConsoleNavigation.Item("trust.nav.anchors", "/console/anchors"),
                new ConsoleNavigation.Item("trust.nav.audit", "/console/audit")));
    }

    /** Audit entries name trust anchors so ({@code trust-anchor:<id>}); they have no page of their own, but a row in the list. */
    @Bean
    ConsoleTargets trustConsoleTargets() {
        return new ConsoleTargets(Map.of("trust-anchor:", "/console/anchors#anchor-"));
    }

    @Bean
    ConsoleMessages trustConsoleMessages() {
        return new ConsoleMessages("console/trust-messages");
    }
}
