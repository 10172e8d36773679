package org.fujie.pki.validation;

import java.security.cert.X509Certificate;
import java.time.Instant;

/**
 * One way to learn whether a certificate is revoked (OCSP, CRL). A source checks the authenticity of
 * what it got (signature, issuer, CertID); judging whether it covers the validation time is left to
 * {@link RevocationChecker}, which tries the sources in turn.
 */
public interface RevocationSource {

    /**
     * What the issuer's revocation service says about the certificate.
     *
     * @param now the current time, for freshness and the cache
     * @throws RevocationUnavailableException when the source has no authentic answer, saying why
     */
    RevocationFinding check(X509Certificate certificate, X509Certificate issuer, Instant now)
            throws RevocationUnavailableException;

    /** Why a source gave no answer: no URL, unreachable, a bad signature, a foreign CRL. */
    final class RevocationUnavailableException extends Exception {

        private static final long serialVersionUID = 1L;

        public RevocationUnavailableException(String message) {
            super(message);
        }
    }
}
