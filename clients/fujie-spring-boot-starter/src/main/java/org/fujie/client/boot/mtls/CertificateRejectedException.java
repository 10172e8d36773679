package org.fujie.client.boot.mtls;

import org.fujie.client.boot.trust.CertificateVerdict;
import org.springframework.security.authentication.BadCredentialsException;

/** trust-service said the client certificate is not good (revoked, expired, untrusted, wrong key usage): 401. */
public class CertificateRejectedException extends BadCredentialsException {

    private final CertificateVerdict verdict;

    public CertificateRejectedException(CertificateVerdict verdict) {
        super("the client certificate was refused: " + verdict.describe());
        this.verdict = verdict;
    }

    public CertificateVerdict verdict() {
        return verdict;
    }
}
