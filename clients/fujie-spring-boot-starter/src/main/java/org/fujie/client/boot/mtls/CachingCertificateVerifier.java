package org.fujie.client.boot.mtls;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.fujie.client.boot.support.Certificates;
import org.fujie.client.boot.support.ExpiringCache;
import org.fujie.client.boot.trust.CertificateVerdict;

/**
 * Reuses trust-service's answers per certificate fingerprint: a valid one briefly (a revocation shows within that
 * time), an invalid one more briefly still. "Unavailable" is never cached: the next request asks again.
 */
public final class CachingCertificateVerifier implements CertificateVerifier {

    private final CertificateVerifier delegate;
    private final Duration validTtl;
    private final Duration invalidTtl;
    private final ExpiringCache<String, CertificateVerdict> cache;

    public CachingCertificateVerifier(CertificateVerifier delegate, Duration validTtl, Duration invalidTtl, int maxEntries,
            Clock clock) {
        this.delegate = delegate;
        this.validTtl = validTtl;
        this.invalidTtl = invalidTtl;
        this.cache = new ExpiringCache<>(maxEntries, clock);
    }

    @Override
    public CertificateVerdict verify(X509Certificate certificate, List<X509Certificate> presentedChain) {
        return cache.computeIfAbsent(Certificates.fingerprint(certificate),
                fingerprint -> delegate.verify(certificate, presentedChain),
                verdict -> verdict.valid() ? validTtl : invalidTtl);
    }
}
