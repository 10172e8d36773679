package org.fujie.service.console;

import java.util.List;

import org.fujie.service.security.CertificatePrincipal;
import org.fujie.service.security.Role;
import org.springframework.security.core.Authentication;

/** Who is logged in to the console, as the pages show it: the subject, the roles, and how they logged in. */
public record ConsoleUser(String subject, List<String> roles, boolean byToken) {

    static ConsoleUser of(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof CertificatePrincipal principal)) {
            return null;
        }
        List<String> roles = principal.roles().stream().map(Role::name).sorted().toList();
        boolean token = authentication.getCredentials() instanceof org.springframework.security.oauth2.jwt.Jwt;
        return new ConsoleUser(principal.subject(), roles, token);
    }
}
