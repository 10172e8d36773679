package org.fujie.client.boot.mtls;

import java.security.cert.X509Certificate;
import java.util.List;

import org.fujie.client.boot.principal.FujiePrincipal;
import org.fujie.client.boot.principal.LoginMethod;
import org.fujie.client.boot.support.Certificates;
import org.fujie.client.boot.trust.CertificateVerdict;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.userdetails.AuthenticationUserDetailsService;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Spring Security's X.509 support hands over the certificate Tomcat already chained to Fujie's CAs; this asks
 * trust-service whether it is still good (revocation, validity, key usage) and makes the principal.
 */
public final class CertificateLoginService implements AuthenticationUserDetailsService<PreAuthenticatedAuthenticationToken> {

    private final CertificateVerifier verifier;
    private final CertificateRoleMapper roles;

    public CertificateLoginService(CertificateVerifier verifier, CertificateRoleMapper roles) {
        this.verifier = verifier;
        this.roles = roles;
    }

    @Override
    public FujiePrincipal loadUserDetails(PreAuthenticatedAuthenticationToken token) {
        if (!(token.getCredentials() instanceof X509Certificate certificate)) {
            throw new BadCredentialsException("no client certificate");
        }
        List<X509Certificate> chain = token.getDetails() instanceof ClientCertificateDetails details
                ? details.presentedChain() : List.of();
        CertificateVerdict verdict = verifier.verify(certificate, chain);
        if (!verdict.valid()) {
            throw new CertificateRejectedException(verdict);
        }
        String subject = Certificates.subject(certificate);
        return new FujiePrincipal(subject, Certificates.serial(certificate), Certificates.fingerprint(certificate),
                Certificates.organization(subject), roles.roles(certificate), LoginMethod.MUTUAL_TLS);
    }
}
