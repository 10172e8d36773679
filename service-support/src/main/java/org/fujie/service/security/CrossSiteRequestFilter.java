package org.fujie.service.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fujie.service.problem.CommonProblem;
import org.fujie.service.problem.ProblemResponses;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API requests that a browser marks as coming from another site. A browser holding an administrator's client
 * certificate sends it by itself, also when a hostile page submits a form to the API ("simple" requests need no CORS
 * pre-flight), so without this such a page could revoke a certificate with the administrator's credential. Browsers
 * say where a request comes from with {@code Sec-Fetch-Site} (Fetch Metadata) and {@code Origin}; the SDK, curl and
 * the services themselves send neither and pass unchanged. Only {@code /api/**}: the public CA certificates and CRLs may
 * well be linked from other sites' pages, and the console has CSRF tokens of its own.
 */
public final class CrossSiteRequestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (crossSite(request)) {
            ProblemResponses.write(response, CommonProblem.CROSS_SITE_REQUEST, "the browser marked this request as sent by another "
                    + "site; the API answers only its own origin and clients that are not browsers");
            return;
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    static boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            // same-site is refused too: another service or application on a sibling host is another site for us.
            String value = site.trim().toLowerCase(Locale.ROOT);
            if (value.equals("cross-site") || value.equals("same-site")) {
                return true;
            }
        }
        String origin = request.getHeader("Origin");
        return origin != null && !sameOrigin(origin.trim(), request);
    }

    /** The Origin header names this server (scheme, host and port as the request reached it). "null" never does. */
    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        URI uri;
        try {
            uri = URI.create(origin);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getScheme().equalsIgnoreCase(request.getScheme()) && uri.getHost().equalsIgnoreCase(request.getServerName())
                && port == request.getServerPort();
    }
}
