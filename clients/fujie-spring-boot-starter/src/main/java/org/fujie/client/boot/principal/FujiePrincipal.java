package org.fujie.client.boot.principal;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user, the same whichever way they logged in: their certificate's subject (RFC 4514),
 * serial (lower-case hex), SHA-256 fingerprint (lower-case hex), organization (O, may be null) and roles
 * (names without the ROLE_ prefix). Immutable. It is a {@link UserDetails} only because Spring Security's
 * X.509 support wants one; it holds no password.
 */
public record FujiePrincipal(String subject, String serial, String fingerprint, String organization, Set<String> roles,
        LoginMethod loginMethod) implements UserDetails {

    public FujiePrincipal {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(loginMethod, "loginMethod");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /** ROLE_ + each role, as hasRole(...) expects. */
    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().sorted().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return subject;
    }
}
