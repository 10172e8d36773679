package org.fujie.service.console;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fujie.service.audit.AuditContext;
import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.security.token.TokenAuthenticationConverter;
import org.fujie.service.web.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Log-in with a trust-service access token pasted into the console's form ({@code POST /console/login}, field
 * {@code token}): checked exactly as the API checks a bearer token (the service's decoder and converter), then the
 * session carries the login, so the token itself is never stored in the browser. The session id changes at log-in
 * (fixation) and the log-in is audited.
 */
final class TokenLogin extends AbstractAuthenticationProcessingFilter {

    static final int MAX_TOKEN_CHARS = 16 * 1024;

    private final ObjectProvider<AuditedTransactions> audited;

    TokenLogin(JwtDecoder decoder, TokenAuthenticationConverter converter, SecurityContextRepository contexts,
            SessionAuthenticationStrategy sessions, ObjectProvider<AuditedTransactions> audited) {
        super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, ConsoleSecurity.LOGIN));
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(converter);
        ProviderManager manager = new ProviderManager(provider);
        // The session keeps the token (server-side only) to end the log-in when it expires (ConsoleSessions).
        manager.setEraseCredentialsAfterAuthentication(false);
        setAuthenticationManager(manager);
        setSecurityContextRepository(contexts);
        setSessionAuthenticationStrategy(sessions);
        setAuthenticationSuccessHandler(this::loggedIn);
        // A refused token is not audited: it names no one we could trust (as the API's anonymous 401s).
        setAuthenticationFailureHandler(new SimpleUrlAuthenticationFailureHandler(ConsoleSecurity.LOGIN + "?error"));
        this.audited = audited;
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
        String token = request.getParameter("token");
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_CHARS) {
            throw new BadCredentialsException("no usable token in the form");
        }
        return getAuthenticationManager().authenticate(new BearerTokenAuthenticationToken(token.strip()));
    }

    private void loggedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        audited.getObject().record(AuditEvent.of(Caller.of(authentication), "console.login", "console",
                Map.of("method", "token")).withContext(AuditContext.of(request, authentication)));
        response.sendRedirect(request.getContextPath() + ConsoleSecurity.HOME);
    }
}
