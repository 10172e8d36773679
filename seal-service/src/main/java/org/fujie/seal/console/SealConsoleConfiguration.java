package org.fujie.seal.console;

import static org.fujie.service.security.Role.ADMIN;
import static org.fujie.service.security.Role.AUDITOR;
import static org.fujie.service.security.Role.SEAL_ADMIN;
import static org.fujie.service.security.Role.SEAL_KEEPER;
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
 * seal-service's console: its pages, texts and rules. The rules mirror the API's (SealSecurityConfig): SEAL_ADMIN makes
 * seals and runs their lifecycle; SEAL_KEEPER stamps (with its own seals only: the same KeeperScope and SealStamper as
 * the API); they, AUDITOR and ADMIN read seals. Anything not listed is denied. This chain comes before the API's.
 */
@Configuration
class SealConsoleConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain consoleSecurity(HttpSecurity http, CertificateRoleResolver resolver) throws Exception {
        String[] readers = names(SEAL_ADMIN, SEAL_KEEPER, AUDITOR, ADMIN);
        ConsoleSecurity.console(http, resolver).authorizeHttpRequests(auth -> {
            ConsoleSecurity.commonRules(auth);
            auth
                    .requestMatchers(HttpMethod.GET, "/console/seals/new", "/console/seals/preview.png").hasRole(SEAL_ADMIN.name())
                    .requestMatchers(HttpMethod.POST, "/console/seals/new", "/console/seals/*/approve", "/console/seals/*/suspend",
                            "/console/seals/*/resume", "/console/seals/*/revoke", "/console/seals/*/keepers")
                    .hasRole(SEAL_ADMIN.name())
                    .requestMatchers("/console/stamp").hasRole(SEAL_KEEPER.name())
                    .requestMatchers(HttpMethod.GET, "/console/", "/console/seals", "/console/seals/*", "/console/seals/*/image.png")
                    .hasAnyRole(readers)
                    .anyRequest().denyAll();
        });
        return http.build();
    }

    @Bean
    ConsoleNavigation sealConsoleNavigation() {
        return new ConsoleNavigation("seal", List.of(
                new ConsoleNavigation.Item("seal.nav.seals", "/console/seals"),
                new ConsoleNavigation.Item("seal.nav.make", "/console/seals/new"),
                new ConsoleNavigation.Item("seal.nav.stamp", "/console/stamp"),
                new ConsoleNavigation.Item("seal.nav.audit", "/console/audit")));
    }

    /** Audit entries name seals so ({@code seal:<id>}); the audit page links them to their pages. */
    @Bean
    ConsoleTargets sealConsoleTargets() {
        return new ConsoleTargets(Map.of("seal:", "/console/seals/"));
    }

    @Bean
    ConsoleMessages sealConsoleMessages() {
        return new ConsoleMessages("console/seal-messages");
    }
}
