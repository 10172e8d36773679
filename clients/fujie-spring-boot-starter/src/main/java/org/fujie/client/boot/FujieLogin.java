package org.fujie.client.boot;

import jakarta.servlet.http.HttpServletRequest;

import org.fujie.client.boot.jwt.FujieJwtAuthenticationConverter;
import org.fujie.client.boot.mtls.CertificateLoginService;
import org.fujie.client.boot.mtls.ClientCertificateDetails;
import org.fujie.client.boot.web.FujieAccessDeniedHandler;
import org.fujie.client.boot.web.FujieAuthenticationEntryPoint;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.preauth.x509.SubjectX500PrincipalExtractor;
import org.springframework.security.web.authentication.preauth.x509.X509AuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Fujie log-in for an application's own {@link HttpSecurity}: {@code fujieLogin.customize(http)} adds the modes
 * switched on (mutual TLS checked online, Fujie JWTs), problem JSON for 401/403/503, and no session (every request
 * is checked; the caches make that cheap). Authorization rules stay the application's. Without a filter chain of
 * the application's own, the starter installs one that applies this and requires a log-in everywhere.
 */
public final class FujieLogin implements Customizer<HttpSecurity> {

    private final CertificateLoginService certificates;
    private final JwtDecoder tokens;
    private final FujieAuthenticationEntryPoint entryPoint;
    private final AccessDeniedHandler accessDenied = new FujieAccessDeniedHandler();

    /** @param certificates null when mutual-TLS log-in is off; @param tokens null when JWT log-in is off */
    public FujieLogin(CertificateLoginService certificates, JwtDecoder tokens) {
        this.certificates = certificates;
        this.tokens = tokens;
        this.entryPoint = new FujieAuthenticationEntryPoint(tokens != null);
    }

    public boolean mutualTls() {
        return certificates != null;
    }

    public boolean bearerTokens() {
        return tokens != null;
    }

    @Override
    public void customize(HttpSecurity http) {
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied));
        if (certificates != null) {
            http.x509(x509 -> x509
                    .x509PrincipalExtractor(new SubjectX500PrincipalExtractor())
                    .authenticationUserDetailsService(certificates)
                    .withObjectPostProcessor(new ObjectPostProcessor<X509AuthenticationFilter>() {
                        @Override
                        public <O extends X509AuthenticationFilter> O postProcess(O filter) {
                            filter.setRequiresAuthenticationRequestMatcher(CERTIFICATE_LOGIN_WANTED);
                            // The details carry the rest of the client's chain to the online check.
                            filter.setAuthenticationDetailsSource(ClientCertificateDetails.source());
                            return filter;
                        }
                    }));
        }
        if (tokens != null) {
            http.oauth2ResourceServer(server -> server
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(accessDenied)
                    .jwt(jwt -> jwt.decoder(tokens).jwtAuthenticationConverter(new FujieJwtAuthenticationConverter()))
                    .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                        @Override
                        public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                            // Spring's default rethrows "service" failures (JWKS unreachable) as a 500; ours answer 503.
                            filter.setAuthenticationFailureHandler(entryPoint::commence);
                            return filter;
                        }
                    }));
        }
    }

    /**
     * A request that brings a bearer token logs in with it: the certificate beside it (a token bound to it by
     * cnf.x5t#S256 is checked against it) needs no online check of its own.
     */
    private static final RequestMatcher CERTIFICATE_LOGIN_WANTED = FujieLogin::wantsCertificateLogin;

    private static boolean wantsCertificateLogin(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return current == null || !current.isAuthenticated();
    }
}
