package org.fujie.service.console;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fujie.service.security.token.TokenAuthenticationConverter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * What the console's session remembers of a log-in, so that it never outlives or outranks its credential:
 * <ul>
 * <li>A client certificate is not remembered at all: TLS presents it with every request and its roles are looked up
 * again (within the resolver's short cache), so a role taken away applies to an open console at once, as to the API.</li>
 * <li>A token log-in is remembered, but only until the token expires, and its roles are worked out again from the token
 * on every request (the service's own grants may have changed since).</li>
 * </ul>
 */
final class ConsoleSessions implements SecurityContextRepository {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final TokenAuthenticationConverter tokens;
    private final Clock clock;

    /** @param tokens null when the service takes no tokens: then nothing is ever remembered */
    ConsoleSessions(TokenAuthenticationConverter tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return current(sessions.loadContext(holder));
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        DeferredSecurityContext stored = sessions.loadDeferredContext(request);
        return new DeferredSecurityContext() {
            private SecurityContext checked;

            @Override
            public SecurityContext get() {
                if (checked == null) {
                    checked = current(stored.get());
                }
                return checked;
            }

            @Override
            public boolean isGenerated() {
                return stored.isGenerated() || get().getAuthentication() == null;
            }
        };
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = context.getAuthentication();
        if (authentication == null || authentication.getCredentials() instanceof Jwt) {
            sessions.saveContext(context, request, response); // a token log-in, or a log-out clearing it
        }
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return sessions.containsContext(request);
    }

    private SecurityContext current(SecurityContext stored) {
        Authentication authentication = stored.getAuthentication();
        if (authentication == null || tokens == null || !(authentication.getCredentials() instanceof Jwt jwt)) {
            return authentication == null ? stored : holder.createEmptyContext();
        }
        if (jwt.getExpiresAt() == null || !jwt.getExpiresAt().isAfter(clock.instant())) {
            return holder.createEmptyContext();
        }
        SecurityContext refreshed = holder.createEmptyContext();
        refreshed.setAuthentication(tokens.convert(jwt));
        return refreshed;
    }
}
