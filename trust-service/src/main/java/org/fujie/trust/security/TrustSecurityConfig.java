package org.fujie.trust.security;

import static org.fujie.service.security.Role.ADMIN;
import static org.fujie.service.security.Role.APP;
import static org.fujie.service.security.Role.AUDITOR;
import static org.fujie.service.security.ServiceSecurity.names;

import org.fujie.service.security.CertificateRoleResolver;
import org.fujie.service.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Who may call what in trust-service: the shared rules, then its own. Anything not listed is denied.
 * TrustRoleMatrixTests calls every endpoint with every role.
 */
@Configuration
public class TrustSecurityConfig {

    /**
     * The two calls of every log-in, public (the signed nonce is the authentication), in a chain of their own that
     * reads no client certificate, bearer token or session: they are the busiest requests of the service. Every
     * other method on these paths falls through to the API chain, which denies it.
     */
    @Bean
    @Order(1)
    SecurityFilterChain loginSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(new OrRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/auth/challenge"),
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/auth/token")))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, CertificateRoleResolver resolver) throws Exception {
        ServiceSecurity.clientCertificates(http, resolver)
                .authorizeHttpRequests(auth -> {
                    ServiceSecurity.commonRules(auth);
                    auth
                            .requestMatchers(HttpMethod.GET, "/api/v1/trust-anchors", "/api/v1/trust-anchors/*")
                            .hasAnyRole(names(ADMIN, AUDITOR, APP))
                            .requestMatchers(HttpMethod.POST, "/api/v1/trust-anchors").hasRole(ADMIN.name())
                            .requestMatchers(HttpMethod.DELETE, "/api/v1/trust-anchors/*").hasRole(ADMIN.name())
                            // Relying applications verify and validate; ADMIN too (the CLI's default credential).
                            // AUDITOR is read-only: no POST, even one that changes nothing.
                            .requestMatchers(HttpMethod.POST, "/api/v1/certificates/validate", "/api/v1/verify")
                            .hasAnyRole(names(ADMIN, APP))
                            // Log-in: the signed nonce is the authentication; the published token keys are public.
                            .requestMatchers(HttpMethod.POST, "/api/v1/auth/challenge", "/api/v1/auth/token").permitAll()  // loginSecurity
                            .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                            .requestMatchers(HttpMethod.POST, "/api/v1/auth/introspect").hasAnyRole(names(APP, ADMIN))
                            .requestMatchers(HttpMethod.POST, "/api/v1/auth/logout").authenticated()
                            .anyRequest().denyAll();
                });
        return http.build();
    }

    /** The TSA is public (RFC 3161 over HTTP) and hot: no security filters run for it. */
    @Bean
    WebSecurityCustomizer tsaWithoutSecurityFilters() {
        return web -> web.ignoring().requestMatchers("/tsa");
    }
}
