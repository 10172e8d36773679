package org.fujie.service.security.token;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.fujie.service.security.CertificatePrincipal;
import org.fujie.service.security.CertificateRoleResolver;
import org.fujie.service.security.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Turns a verified access token into the same principal a client certificate gives: the certificate's subject
 * and fingerprint from the token, and the roles of its {@code roles} claim (when this service accepts them)
 * together with the roles this service grants that subject or fingerprint itself. So every rule, the audit
 * actor and the seal keepers work alike for both kinds of caller. Unknown role names are ignored.
 */
public final class TokenAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final CertificateRoleResolver ownGrants;
    private final boolean acceptTokenRoles;

    public TokenAuthenticationConverter(CertificateRoleResolver ownGrants, boolean acceptTokenRoles) {
        this.ownGrants = ownGrants;
        this.acceptTokenRoles = acceptTokenRoles;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String subject = jwt.getSubject();
        String fingerprint = jwt.getClaimAsString(TokenClaims.FINGERPRINT);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(ownGrants.resolve(subject, fingerprint == null ? "" : fingerprint).roles());
        if (acceptTokenRoles) {
            List<String> claimed = jwt.getClaimAsStringList(TokenClaims.ROLES);
            if (claimed != null) {
                for (String name : claimed) {
                    for (Role role : Role.values()) {
                        if (role.name().equals(name)) {
                            roles.add(role);
                        }
                    }
                }
            }
        }
        CertificatePrincipal principal = new CertificatePrincipal(subject, fingerprint == null ? "" : fingerprint, roles);
        return new PreAuthenticatedAuthenticationToken(principal, jwt, principal.getAuthorities());
    }
}
