package org.fujie.client.boot.principal;

import java.util.Objects;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** A request authenticated by a Fujie JWT: the principal built from its claims, the token as credentials. */
public final class FujieTokenAuthentication extends AbstractAuthenticationToken {

    private final FujiePrincipal principal;
    private final Jwt token;

    public FujieTokenAuthentication(FujiePrincipal principal, Jwt token) {
        super(principal.getAuthorities());
        this.principal = principal;
        this.token = Objects.requireNonNull(token, "token");
        super.setAuthenticated(true);
    }

    @Override
    public FujiePrincipal getPrincipal() {
        return principal;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return principal.subject();
    }

    /** Authenticated once, by construction; nothing may flip it. */
    @Override
    public void setAuthenticated(boolean authenticated) {
        if (authenticated != isAuthenticated()) {
            throw new IllegalArgumentException("a FujieTokenAuthentication is authenticated by construction");
        }
    }
}
