package org.fujie.seal.security;

import static org.fujie.service.security.Role.ADMIN;
import static org.fujie.service.security.Role.AUDITOR;
import static org.fujie.service.security.Role.SEAL_ADMIN;
import static org.fujie.service.security.Role.SEAL_KEEPER;
import static org.fujie.service.security.ServiceSecurity.names;

import org.fujie.service.security.CertificateRoleResolver;
import org.fujie.service.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what in seal-service: the shared rules, then its own. SEAL_ADMINs make and manage seals;
 * keepers stamp with the seals granted to them and read those (narrowed to their own seals by KeeperScope); auditors
 * and administrators read every seal. Anything not listed is denied. SealRoleMatrixTests calls every endpoint with every
 * role.
 */
@Configuration
public class SealSecurityConfig {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, CertificateRoleResolver resolver) throws Exception {
        ServiceSecurity.clientCertificates(http, resolver)
                .authorizeHttpRequests(auth -> {
                    ServiceSecurity.commonRules(auth);
                    auth
                            .requestMatchers(HttpMethod.GET, "/api/v1/seals", "/api/v1/seals/*", "/api/v1/seals/*/image.png",
                                    "/api/v1/seals/*/certificates", "/api/v1/seals/*/eseal")
                            .hasAnyRole(names(SEAL_ADMIN, SEAL_KEEPER, AUDITOR, ADMIN))
                            .requestMatchers(HttpMethod.GET, "/api/v1/seals/*/usage").hasAnyRole(names(SEAL_ADMIN, SEAL_KEEPER, AUDITOR, ADMIN))
                            .requestMatchers(HttpMethod.POST, "/api/v1/seals/*/stamp").hasRole(SEAL_KEEPER.name())
                            .requestMatchers(HttpMethod.POST, "/api/v1/seals", "/api/v1/seals/*/approve", "/api/v1/seals/*/suspend",
                                    "/api/v1/seals/*/resume", "/api/v1/seals/*/renew", "/api/v1/seals/*/revoke")
                            .hasRole(SEAL_ADMIN.name())
                            .requestMatchers(HttpMethod.PUT, "/api/v1/seals/*/keepers").hasRole(SEAL_ADMIN.name())
                            .anyRequest().denyAll();
                });
        return http.build();
    }
}
