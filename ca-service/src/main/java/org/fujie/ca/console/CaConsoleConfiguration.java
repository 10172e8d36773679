package org.fujie.ca.console;

import static org.fujie.service.security.Role.ADMIN;
import static org.fujie.service.security.Role.AUDITOR;
import static org.fujie.service.security.Role.RA_OFFICER;
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
 * ca-service's console: its pages, texts and rules. The rules mirror the API's (SecurityConfig): RA_OFFICER and
 * ADMIN issue, revoke, hold and release; they and AUDITOR read certificates, CAs and profiles; AUDITOR changes
 * nothing. Anything not listed is denied. This chain comes before the API's, which matches every other path.
 */
@Configuration
class CaConsoleConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain consoleSecurity(HttpSecurity http, CertificateRoleResolver resolver) throws Exception {
        String[] readers = names(ADMIN, RA_OFFICER, AUDITOR);
        String[] officers = names(ADMIN, RA_OFFICER);
        ConsoleSecurity.console(http, resolver).authorizeHttpRequests(auth -> {
            ConsoleSecurity.commonRules(auth);
            auth
                    .requestMatchers(HttpMethod.GET, "/console/certificates/new").hasAnyRole(officers)
                    .requestMatchers(HttpMethod.POST, "/console/certificates/new", "/console/certificates/keygen",
                            "/console/certificates/*/revoke", "/console/certificates/*/hold", "/console/certificates/*/release")
                    .hasAnyRole(officers)
                    .requestMatchers(HttpMethod.GET, "/console/", "/console/certificates", "/console/certificates/*",
                            "/console/certificates/*/pem", "/console/certificates/*/der", "/console/cas", "/console/cas/*",
                            "/console/profiles")
                    .hasAnyRole(readers)
                    .anyRequest().denyAll();
        });
        return http.build();
    }

    @Bean
    ConsoleNavigation caConsoleNavigation() {
        return new ConsoleNavigation("ca", List.of(
                new ConsoleNavigation.Item("ca.nav.dashboard", "/console/"),
                new ConsoleNavigation.Item("ca.nav.certificates", "/console/certificates"),
                new ConsoleNavigation.Item("ca.nav.cas", "/console/cas"),
                new ConsoleNavigation.Item("ca.nav.profiles", "/console/profiles"),
                new ConsoleNavigation.Item("ca.nav.audit", "/console/audit")));
    }

    /** Audit entries name certificates and CAs so; the audit page links them to their pages. */
    @Bean
    ConsoleTargets caConsoleTargets() {
        return new ConsoleTargets(Map.of("certificate:", "/console/certificates/", "ca:", "/console/cas/"));
    }

    @Bean
    ConsoleMessages caConsoleMessages() {
        return new ConsoleMessages("console/ca-messages");
    }
}
