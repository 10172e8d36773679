package org.fujie.service.web;

import org.fujie.service.security.CertificatePrincipal;
import org.springframework.security.core.Authentication;

/** The audit actor for a request: the caller's certificate subject and fingerprint. */
public final class Caller {

    private Caller() {
    }

    public static String of(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof CertificatePrincipal principal) {
            return principal.subject() + " [sha256:" + principal.fingerprint() + "]";
        }
        return authentication == null ? "anonymous" : authentication.getName();
    }

    /**
     * Who the caller is as a person or system, whatever certificate it presents now: the certificate subject. Four-eyes
     * rules compare this, so one person with two certificates is still one person.
     */
    public static String identity(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof CertificatePrincipal principal) {
            return principal.subject();
        }
        return authentication == null ? "anonymous" : authentication.getName();
    }
}
