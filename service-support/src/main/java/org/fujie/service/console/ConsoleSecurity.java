package org.fujie.service.console;

import static org.fujie.service.security.Role.ADMIN;
import static org.fujie.service.security.Role.AUDITOR;
import static org.fujie.service.security.ServiceSecurity.names;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.security.CertificateRoleResolver;
import org.fujie.service.security.token.TokenAuthenticationConverter;
import org.fujie.service.web.DeniedAccessAudit;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.x509.SubjectX500PrincipalExtractor;
import org.springframework.security.web.authentication.preauth.x509.X509AuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The console's security, beside the API's: the same credentials (the TLS client certificate, resolved to roles by
 * the same {@link CertificateRoleResolver}; or a trust-service token, pasted once into the log-in form) but a browser's
 * rules: an HTTP session (which never outlives a token, nor keeps a certificate's roles: {@link ConsoleSessions}), CSRF
 * tokens on every form, session fixation protection, a log-out, and refusals as pages.
 * Each service adds its own page rules after {@link #commonRules} and ends with denyAll, as for its API.
 */
public final class ConsoleSecurity {

    public static final String PATHS = "/console/**";
    public static final String HOME = "/console/";
    public static final String LOGIN = "/console/login";
    static final String LOGOUT = "/console/logout";
    static final String DENIED = "/console/denied";

    private ConsoleSecurity() {
    }

    public static HttpSecurity console(HttpSecurity http, CertificateRoleResolver resolver) throws Exception {
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        SecurityContextRepository contexts = new ConsoleSessions(
                context.getBeanProvider(TokenAuthenticationConverter.class).getIfAvailable(), context.getBean(Clock.class));
        HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
        http.securityMatcher(PATHS)
                .securityContext(security -> security.securityContextRepository(contexts))
                .x509(x509 -> x509
                        .x509PrincipalExtractor(new SubjectX500PrincipalExtractor())
                        .authenticationUserDetailsService(resolver)
                        .withObjectPostProcessor(new ObjectPostProcessor<X509AuthenticationFilter>() {
                            @Override
                            public <O extends X509AuthenticationFilter> O postProcess(O filter) {
                                filter.setSecurityContextRepository(contexts); // which keeps no certificate log-in
                                return filter;
                            }
                        }))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.logoutUrl(LOGOUT).logoutSuccessUrl(LOGIN + "?logout"))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN))
                        .accessDeniedHandler(deniedPage(context)));
        tokenLogin(http, context, contexts, new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens))));
        return http;
    }

    /** The token form, when the service checks trust-service's tokens at all (it has a decoder for them). */
    private static void tokenLogin(HttpSecurity http, ApplicationContext context, SecurityContextRepository contexts,
            SessionAuthenticationStrategy sessions) {
        JwtDecoder decoder = context.getBeanProvider(JwtDecoder.class).getIfAvailable();
        TokenAuthenticationConverter converter = context.getBeanProvider(TokenAuthenticationConverter.class).getIfAvailable();
        if (decoder != null && converter != null) {
            http.addFilterAfter(new TokenLogin(decoder, converter, contexts, sessions,
                    context.getBeanProvider(AuditedTransactions.class)), X509AuthenticationFilter.class);
        }
    }

    /** A refusal (a role that does not allow it, or a missing CSRF token) is audited like the API's, and shown as a page. */
    private static AccessDeniedHandler deniedPage(ApplicationContext context) {
        AccessDeniedHandlerImpl page = new AccessDeniedHandlerImpl();
        page.setErrorPage(DENIED);
        return new AccessDeniedHandler() {
            @Override
            public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
                    throws IOException, ServletException {
                String reason = denied instanceof CsrfException ? "the form's CSRF token was missing or wrong"
                        : "the caller's roles do not allow it";
                context.getBeanProvider(DeniedAccessAudit.class).ifAvailable(audit -> audit.record(request, reason));
                page.handle(request, response, denied);
            }
        };
    }

    /** The log-in and log-out, the style sheet, the refusal page, and the audit log (ADMIN and AUDITOR, as in the API). */
    public static void commonRules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth
                // Where refusals are forwarded to; a path rule, not a dispatcher-type one: ConsoleAccess asks these rules
                // with requests that have no dispatcher type.
                .requestMatchers(DENIED).permitAll()
                .requestMatchers(HttpMethod.GET, "/console/assets/**").permitAll()
                .requestMatchers(LOGIN).permitAll()
                .requestMatchers(HttpMethod.GET, "/console").permitAll()
                .requestMatchers(HttpMethod.POST, LOGOUT).permitAll()
                .requestMatchers(HttpMethod.GET, "/console/audit").hasAnyRole(names(ADMIN, AUDITOR));
    }
}
