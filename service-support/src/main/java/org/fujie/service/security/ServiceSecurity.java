package org.fujie.service.security;

import static org.fujie.service.security.Role.ADMIN;
import static org.fujie.service.security.Role.AUDITOR;

import java.util.Arrays;

import org.fujie.service.problem.ProblemResponses;
import org.fujie.service.security.token.TokenAuthenticationConverter;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.preauth.x509.SubjectX500PrincipalExtractor;
import org.springframework.security.web.authentication.preauth.x509.X509AuthenticationFilter;

/**
 * The security every Fujie service shares: callers authenticate with the client certificate of the
 * TLS connection (the server verified it against Fujie's CAs) or with a bearer access token from
 * trust-service (when the service has a {@link JwtDecoder}); sessions do not exist. CSRF tokens do not either, but a
 * browser does send a client certificate by itself, so requests a browser marks as cross-site are refused
 * ({@link CrossSiteRequestFilter}); failures are problem JSON. The rules for the endpoints every service has (health,
 * principals, audit) are here; each service adds its own and ends with denyAll.
 */
public final class ServiceSecurity {

    private ServiceSecurity() {
    }

    public static HttpSecurity clientCertificates(HttpSecurity http, CertificateRoleResolver resolver) throws Exception {
        bearerTokens(http);
        return http
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new CrossSiteRequestFilter(), X509AuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .x509(x509 -> x509
                        .x509PrincipalExtractor(new SubjectX500PrincipalExtractor())
                        .authenticationUserDetailsService(resolver))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(deniedAccess(http)));
    }

    /** Bearer tokens beside certificates, when the application context holds a decoder for them. */
    private static void bearerTokens(HttpSecurity http) throws Exception {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        JwtDecoder decoder = context.getBeanProvider(JwtDecoder.class).getIfAvailable();
        TokenAuthenticationConverter converter = context.getBeanProvider(TokenAuthenticationConverter.class).getIfAvailable();
        if (decoder == null || converter == null) {
            return;
        }
        http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                .authenticationEntryPoint(ProblemResponses.unauthorized())
                .accessDeniedHandler(deniedAccess(http)));
    }

    /** The service's handler of 403s (it audits them) where it defines one, else the plain problem answer. */
    private static AccessDeniedHandler deniedAccess(HttpSecurity http) {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        return context == null ? ProblemResponses.forbidden()
                : context.getBeanProvider(AccessDeniedHandler.class).getIfAvailable(ProblemResponses::forbidden);
    }

    /**
     * Health for anyone; principals changed by ADMIN, read by ADMIN and AUDITOR (who reviews the grants); the audit log
     * read by ADMIN and AUDITOR, a checkpoint signed on demand by ADMIN only (AUDITOR is read-only everywhere); the
     * key backends' states read by ADMIN and AUDITOR; the error page.
     */
    public static void commonRules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/principals").hasAnyRole(names(ADMIN, AUDITOR))
                .requestMatchers("/api/v1/principals", "/api/v1/principals/*").hasRole(ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/audit", "/api/v1/audit/export", "/api/v1/audit/verify",
                        "/api/v1/audit/checkpoints")
                .hasAnyRole(names(ADMIN, AUDITOR))
                .requestMatchers(HttpMethod.POST, "/api/v1/audit/checkpoints").hasRole(ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/key-backends").hasAnyRole(names(ADMIN, AUDITOR))
                .requestMatchers("/error").permitAll();
    }

    public static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }
}
