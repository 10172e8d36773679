package org.fujie.ca.api;

import org.fujie.ca.security.CertificatePrincipal;
import org.springframework.security.core.Authentication;

/** The audit actor for a request: the caller's certificate subject and fingerprint. */
final class Caller {

    private Caller() {
    }

    static String of(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof CertificatePrincipal principal) {
            return principal.subject() + " [sha256:" + principal.fingerprint() + "]";
        }
        return authentication == null ? "anonymous" : authentication.getName();
    }
}
