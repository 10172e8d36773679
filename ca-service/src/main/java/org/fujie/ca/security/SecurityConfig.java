package org.fujie.ca.security;

import static org.fujie.service.security.Role.ADMIN;
import static org.fujie.service.security.Role.AUDITOR;
import static org.fujie.service.security.Role.RA_OFFICER;
import static org.fujie.service.security.ServiceSecurity.names;

import org.fujie.service.security.CertificateRoleResolver;
import org.fujie.service.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what in ca-service, in one table: the rules every service shares
 * ({@link ServiceSecurity}), then ca-service's own. Anything not listed is denied. CaRoleMatrixTests calls every
 * endpoint with every role.
 */
@Configuration
public class SecurityConfig {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, CertificateRoleResolver resolver) throws Exception {
        ServiceSecurity.clientCertificates(http, resolver)
                .authorizeHttpRequests(auth -> {
                    ServiceSecurity.commonRules(auth);
                    auth
                            // Public PKI endpoints: plain HTTP by convention, no login (DESIGN.md, Security model).
                            .requestMatchers(HttpMethod.GET, "/pki/ca/*", "/pki/crl/*").permitAll()
                            // Those who issue (RA_OFFICER), run (ADMIN) or audit the CAs; relying parties fetch CA
                            // certificates from /pki/ca, seal- and trust-service call with the bootstrap ADMIN.
                            .requestMatchers(HttpMethod.GET, "/api/v1/cas", "/api/v1/cas/*", "/api/v1/profiles", "/api/v1/profiles/*")
                            .hasAnyRole(names(ADMIN, RA_OFFICER, AUDITOR))
                            .requestMatchers(HttpMethod.POST, "/api/v1/cas").hasRole(ADMIN.name())
                            // The key ceremony: only ADMIN makes CA keys; auditors may look at their public halves.
                            .requestMatchers(HttpMethod.POST, "/api/v1/keys").hasRole(ADMIN.name())
                            .requestMatchers(HttpMethod.GET, "/api/v1/keys/*").hasAnyRole(names(ADMIN, AUDITOR))
                            .requestMatchers(HttpMethod.POST, "/api/v1/certificates", "/api/v1/certificates/*/revoke",
                                    "/api/v1/certificates/*/release").hasAnyRole(names(ADMIN, RA_OFFICER))
                            .requestMatchers(HttpMethod.POST, "/api/v1/cas/*/crl").hasRole(ADMIN.name())
                            .requestMatchers(HttpMethod.GET, "/api/v1/certificates", "/api/v1/certificates/*")
                            .hasAnyRole(names(ADMIN, RA_OFFICER, AUDITOR))
                            .anyRequest().denyAll();
                });
        return http.build();
    }
}
