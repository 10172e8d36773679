package org.fujie.service.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The HTTP security headers of every response, set before anything else runs, so that answers made
 * outside Spring Security (OCSP and the TSA skip its filters, the request size limit answers before
 * them, the error page) carry them too. Spring Security's own header writers keep a header that is
 * already there. Set first, they can still be replaced by a handler that knows better: the public CRL
 * and OCSP answers set their own Cache-Control.
 * <p>
 * The HTTPS API is never framed, sniffed, cached or given a referrer, and may only ever be reached over
 * HTTPS (HSTS). The plain-HTTP public endpoints (CA certificates, CRLs, OCSP, TSA) are plain HTTP by RFC
 * convention: they get nosniff and the CSP, not HSTS (a browser ignores it over HTTP, and relying parties
 * must keep reaching them in clear) and no Cache-Control (CRLs and OCSP answers are cacheable by design).
 */
public final class SecurityHeadersFilter implements Filter {

    static final Map<String, String> EVERY_RESPONSE = Map.of(
            "X-Content-Type-Options", "nosniff",
            // An API serves data, never a page: nothing may load, run or frame it.
            "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");

    /**
     * The console's pages (HTML from the service itself): its own style sheet, script and images only, forms posted
     * only to itself, never framed; no inline script or style, so an injected tag does nothing.
     */
    public static final String CONSOLE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    static final Map<String, String> HTTPS_ONLY = Map.of(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store",
            // Browser features an API never needs, all off (W3C Permissions Policy, empty allowlists).
            "Permissions-Policy", String.join(", ", "accelerometer=()", "autoplay=()", "camera=()", "display-capture=()",
                    "encrypted-media=()", "fullscreen=()", "geolocation=()", "gyroscope=()", "magnetometer=()",
                    "microphone=()", "midi=()", "payment=()", "picture-in-picture=()", "publickey-credentials-get=()",
                    "screen-wake-lock=()", "sync-xhr=()", "usb=()", "xr-spatial-tracking=()"));

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (response instanceof HttpServletResponse http && !http.isCommitted()) {
            EVERY_RESPONSE.forEach(http::setHeader);
            // The error page of a console request (a body too large, a rendering error) is a console page too.
            if (request instanceof HttpServletRequest page && RequestPaths.console(page)) {
                http.setHeader("Content-Security-Policy", CONSOLE_CSP);
            }
            if (request.isSecure()) {
                HTTPS_ONLY.forEach(http::setHeader);
            }
        }
        chain.doFilter(request, response);
    }
}
