package org.fujie.service.security;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.fujie.pki.x509.Fingerprints;
import org.fujie.pki.x509.SubjectNames;
import org.springframework.security.core.userdetails.AuthenticationUserDetailsService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Turns a client certificate that TLS already verified against Fujie's CAs into a principal with
 * the roles stored for its fingerprint or subject. A certificate with no grant gets no roles (403,
 * not 401: we know who it is). Lookups are cached briefly; changes made here clear the cache, and
 * other instances see them within the configured TTL.
 */
public final class CertificateRoleResolver implements AuthenticationUserDetailsService<PreAuthenticatedAuthenticationToken> {

    private final PrincipalStore store;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public CertificateRoleResolver(PrincipalStore store, Duration ttl, Clock clock) {
        this.store = store;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserDetails(PreAuthenticatedAuthenticationToken token) {
        if (!(token.getCredentials() instanceof X509Certificate certificate)) {
            throw new UsernameNotFoundException("no client certificate");
        }
        String fingerprint;
        try {
            fingerprint = Fingerprints.sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new UsernameNotFoundException("unreadable client certificate");
        }
        return resolve(SubjectNames.format(certificate.getSubjectX500Principal()), fingerprint);
    }

    /** The roles this service grants to a certificate, by its subject (RFC 4514) or its SHA-256 fingerprint. */
    public CertificatePrincipal resolve(String subject, String fingerprint) {
        Instant now = clock.instant();
        String key = fingerprint + " " + subject;
        Cached cached = cache.get(key);
        if (cached != null && cached.expires.isAfter(now)) {
            return cached.principal;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        store.matching(subject, fingerprint).forEach(grant -> roles.addAll(grant.roles()));
        CertificatePrincipal principal = new CertificatePrincipal(subject, fingerprint, roles);
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(key, new Cached(principal, now.plus(ttl)));
        return principal;
    }

    public void forgetAll() {
        cache.clear();
    }

    private record Cached(CertificatePrincipal principal, Instant expires) {
    }
}
