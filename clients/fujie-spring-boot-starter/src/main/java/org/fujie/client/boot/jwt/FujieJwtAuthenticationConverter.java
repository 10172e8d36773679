package org.fujie.client.boot.jwt;

import java.util.List;
import java.util.Set;

import org.fujie.client.boot.principal.FujiePrincipal;
import org.fujie.client.boot.principal.FujieTokenAuthentication;
import org.fujie.client.boot.principal.LoginMethod;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** A verified Fujie JWT to the principal: sub, serial, fingerprint, org, and the roles claim as ROLE_ authorities. */
public final class FujieJwtAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String ROLES = "roles";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<String> roles = jwt.hasClaim(ROLES) ? jwt.getClaimAsStringList(ROLES) : List.of();
        FujiePrincipal principal = new FujiePrincipal(jwt.getSubject(), jwt.getClaimAsString("serial"),
                jwt.getClaimAsString("fingerprint"), jwt.getClaimAsString("org"), Set.copyOf(roles), LoginMethod.BEARER_TOKEN);
        return new FujieTokenAuthentication(principal, jwt);
    }
}
