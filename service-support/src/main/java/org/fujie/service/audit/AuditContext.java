package org.fujie.service.audit;

import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The circumstances of an audited action: the roles the caller acted with and the address it called
 * from. Taken from the request on the submitting thread, so callers of {@link AuditEvent#of} need not
 * pass them; work outside a request (schedules, bootstrap) is {@link #SYSTEM}.
 *
 * @param roles the caller's roles, sorted and comma-separated; {@code system} outside a request,
 *        {@code anonymous} for an unauthenticated request, {@code none} for a caller without roles
 * @param clientAddress the request's remote address; null outside a request
 */
public record AuditContext(String roles, String clientAddress) {

    public static final AuditContext SYSTEM = new AuditContext("system", null);
    private static final String ROLE_PREFIX = "ROLE_";

    public AuditContext {
        Objects.requireNonNull(roles, "roles");
    }

    /** The context of the request the current thread serves, or {@link #SYSTEM} when it serves none. */
    public static AuditContext current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return of(attributes.getRequest(), SecurityContextHolder.getContext().getAuthentication());
        }
        return SYSTEM;
    }

    public static AuditContext of(HttpServletRequest request, Authentication authentication) {
        return new AuditContext(rolesOf(authentication), request.getRemoteAddr());
    }

    private static String rolesOf(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()) {
            return "anonymous";
        }
        String roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .sorted()
                .collect(Collectors.joining(","));
        return roles.isEmpty() ? "none" : roles;
    }
}
