package org.fujie.ca.security;

import static org.fujie.ca.security.Role.ADMIN;
import static org.fujie.ca.security.Role.AUDITOR;
import static org.fujie.ca.security.Role.RA_OFFICER;

import java.time.Clock;
import java.util.Arrays;

import org.fujie.ca.audit.AuditedTransactions;
import org.fujie.ca.config.FujieProperties;
import org.fujie.ca.problem.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.x509.SubjectX500PrincipalExtractor;

/**
 * Who may call what. Authentication is the client certificate of the TLS connection (verified by the
 * server against Fujie's CAs); authorisation is by role, per endpoint, in one table below. Anything
 * not listed is denied.
 */
@Configuration
public class SecurityConfig {

    @Bean
    PrincipalStore principalStore(JdbcClient jdbc) {
        return new PrincipalStore(jdbc);
    }

    @Bean
    CertificateRoleResolver certificateRoleResolver(PrincipalStore store, FujieProperties properties, Clock clock) {
        return new CertificateRoleResolver(store, properties.getSecurity().getRoleCacheTtl(), clock);
    }

    @Bean
    PrincipalService principalService(PrincipalStore store, AuditedTransactions audited, CertificateRoleResolver resolver, Clock clock) {
        return new PrincipalService(store, audited, resolver, clock);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, CertificateRoleResolver resolver) throws Exception {
        http
                // Stateless API authenticated by client certificates: no cookies, so no CSRF exposure.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .x509(x509 -> x509
                        .x509PrincipalExtractor(new SubjectX500PrincipalExtractor())
                        .authenticationUserDetailsService(resolver))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        // Public PKI endpoints: plain HTTP by convention, no login (DESIGN.md, Security model).
                        .requestMatchers(HttpMethod.GET, "/pki/ca/*", "/pki/crl/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/cas", "/api/v1/cas/*", "/api/v1/profiles", "/api/v1/profiles/*")
                        .hasAnyRole(names(Role.values()))
                        .requestMatchers(HttpMethod.POST, "/api/v1/cas").hasRole(ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/certificates", "/api/v1/certificates/*/revoke",
                                "/api/v1/certificates/*/release").hasAnyRole(names(ADMIN, RA_OFFICER))
                        .requestMatchers(HttpMethod.POST, "/api/v1/cas/*/crl").hasRole(ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/certificates", "/api/v1/certificates/*")
                        .hasAnyRole(names(ADMIN, RA_OFFICER, AUDITOR))
                        .requestMatchers("/api/v1/principals", "/api/v1/principals/*").hasRole(ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit", "/api/v1/audit/verify", "/api/v1/audit/checkpoints")
                        .hasAnyRole(names(ADMIN, AUDITOR))
                        .requestMatchers(HttpMethod.POST, "/api/v1/audit/checkpoints").hasAnyRole(names(ADMIN, AUDITOR))
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()));
        return http.build();
    }

    private static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
