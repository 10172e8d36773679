package org.fujie.ca.ocsp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall for everything except OCSP GET requests, whose last path segment
 * is URL-encoded base64 (RFC 6960 A.1) and so legitimately holds %2F and %2B. Those requests reach
 * only the OCSP servlet, which decodes the segment itself and never resolves it as a path.
 */
final class OcspFirewall implements HttpFirewall {

    private final StrictHttpFirewall strict = new StrictHttpFirewall();

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
        if ("GET".equals(request.getMethod()) && request.getRequestURI().startsWith(OcspServlet.PATH + "/")
                && !request.getRequestURI().contains("/..")) {
            return new FirewalledRequest(request) {
                @Override
                public void reset() {
                }
            };
        }
        return strict.getFirewalledRequest(request);
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }
}
