package org.fujie.pki.validation;

import java.math.BigInteger;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.IssuingDistributionPoint;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.fujie.pki.crypto.Verifiers;
import org.fujie.pki.revocation.RevocationReason;
import org.fujie.pki.validation.HttpFetcher.FetchException;
import org.fujie.pki.validation.RevocationFinding.Source;
import org.fujie.pki.validation.RevocationFinding.Status;

/**
 * Revocation by CRL (RFC 5280 5 and 6.3): fetches the certificate's distribution points, accepts a CRL
 * only when its issuer is the certificate's issuer and that issuer's key signed it (no indirect CRLs),
 * and applies a delta CRL (5.2.4) when the complete CRL points at one and it combines simply. Verified
 * CRLs are cached by URL until their nextUpdate; each use verifies again against the issuer at hand.
 */
public final class CrlClient implements RevocationSource {

    /** Critical CRL extensions we process; any other critical one makes the CRL unusable (RFC 5280 5.2). */
    private static final Set<ASN1ObjectIdentifier> UNDERSTOOD_CRITICAL = Set.of(
            Extension.deltaCRLIndicator, Extension.issuingDistributionPoint);

    private final HttpFetcher fetcher;
    private final RevocationCache<X509CRLHolder> cache;
    private final int maxBytes;
    private final Duration clockSkew;

    public CrlClient(HttpFetcher fetcher, RevocationCache<X509CRLHolder> cache, int maxBytes, Duration clockSkew) {
        this.fetcher = fetcher;
        this.cache = cache;
        this.maxBytes = maxBytes;
        this.clockSkew = clockSkew;
    }

    @Override
    public RevocationFinding check(X509Certificate certificate, X509Certificate issuer, Instant now)
            throws RevocationUnavailableException {
        List<String> urls = CertificateFields.crlUrls(certificate);
        if (urls.isEmpty()) {
            throw new RevocationUnavailableException("no CRL distribution point");
        }
        List<String> problems = new ArrayList<>();
        for (String url : urls) {
            try {
                X509CRLHolder complete = verifiedCrl(url, certificate, issuer, now, false);
                return withDelta(complete, url, certificate, issuer, now);
            } catch (RevocationUnavailableException e) {
                problems.add(e.getMessage());
            }
        }
        throw new RevocationUnavailableException(String.join("; ", problems));
    }

    /** The complete CRL's answer, refined by its delta when the delta can be had and applies. */
    private RevocationFinding withDelta(X509CRLHolder complete, String url, X509Certificate certificate,
            X509Certificate issuer, Instant now) {
        RevocationFinding base = lookup(complete, url, certificate, null);
        Extension freshest = complete.getExtension(Extension.freshestCRL);
        if (freshest == null) {
            return base;
        }
        List<String> deltaUrls;
        try {
            deltaUrls = CertificateFields.distributionPointUrls(CRLDistPoint.getInstance(freshest.getParsedValue()));
        } catch (IllegalArgumentException e) {
            return base.withDetail(base.detail() + "; freshestCRL unreadable, complete CRL alone");
        }
        String why = "no http freshestCRL";
        for (String deltaUrl : deltaUrls) {
            try {
                X509CRLHolder delta = verifiedCrl(deltaUrl, certificate, issuer, now, true);
                BigInteger completeNumber = number(complete);
                BigInteger deltaNumber = number(delta);
                BigInteger deltaBase = CRLNumber.getInstance(
                        delta.getExtension(Extension.deltaCRLIndicator).getParsedValue()).getCRLNumber();
                // RFC 5280 5.2.4: the delta applies to a complete CRL numbered at least its base; an older
                // delta than the complete CRL adds nothing.
                if (completeNumber == null || deltaNumber == null || deltaBase.compareTo(completeNumber) > 0
                        || deltaNumber.compareTo(completeNumber) <= 0) {
                    why = "delta CRL " + deltaNumber + " (base " + deltaBase + ") does not apply to CRL " + completeNumber;
                    continue;
                }
                return lookup(delta, deltaUrl, certificate, base);
            } catch (RevocationUnavailableException e) {
                why = e.getMessage();
            }
        }
        return base.withDetail(base.detail() + "; complete CRL alone: " + why);
    }

    /**
     * The certificate's entry on the CRL. With a base (the complete CRL's finding) this is a delta:
     * an entry there wins (removeFromCRL undoes a hold), no entry keeps the base's status with the
     * delta's times.
     */
    private static RevocationFinding lookup(X509CRLHolder crl, String url, X509Certificate certificate,
            RevocationFinding base) {
        List<byte[]> evidence = new ArrayList<>(base == null ? List.of() : base.evidence());
        try {
            evidence.add(crl.getEncoded());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return entry(crl, url, certificate, base).withEvidence(evidence);
    }

    private static RevocationFinding entry(X509CRLHolder crl, String url, X509Certificate certificate, RevocationFinding base) {
        String subject = CertificateFields.subject(certificate);
        BigInteger serial = certificate.getSerialNumber();
        Instant thisUpdate = crl.getThisUpdate().toInstant();
        Instant nextUpdate = crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
        String kind = base == null ? "CRL " : "delta CRL ";
        X509CRLEntryHolder entry = crl.getRevokedCertificate(serial);
        if (entry == null) {
            if (base != null && base.status() == Status.REVOKED) {
                return new RevocationFinding(subject, serial, Source.CRL, Status.REVOKED, base.revokedAt(), base.reason(),
                        thisUpdate, nextUpdate, url, "listed on the complete CRL " + base.url() + ", not on the delta");
            }
            return new RevocationFinding(subject, serial, Source.CRL, Status.GOOD, null, null, thisUpdate, nextUpdate, url,
                    "not listed on " + kind + url);
        }
        RevocationReason reason = reason(entry);
        if (reason == RevocationReason.REMOVE_FROM_CRL) {
            return new RevocationFinding(subject, serial, Source.CRL, Status.GOOD, null, null, thisUpdate, nextUpdate, url,
                    "hold released on " + kind + url);
        }
        return new RevocationFinding(subject, serial, Source.CRL, Status.REVOKED, entry.getRevocationDate().toInstant(),
                reason, thisUpdate, nextUpdate, url, "listed on " + kind + url);
    }

    private X509CRLHolder verifiedCrl(String url, X509Certificate certificate, X509Certificate issuer, Instant now,
            boolean delta) throws RevocationUnavailableException {
        X509CRLHolder crl = cache.get(url, now).orElse(null);
        boolean cached = crl != null;
        if (!cached) {
            crl = fetch(url);
        }
        verify(crl, url, certificate, issuer, now, delta);
        if (!cached && crl.getNextUpdate() != null) {
            cache.put(url, crl, crl.getNextUpdate().toInstant(), now);
        }
        return crl;
    }

    private X509CRLHolder fetch(String url) throws RevocationUnavailableException {
        try {
            return new X509CRLHolder(fetcher.get(URI.create(url), maxBytes));
        } catch (FetchException e) {
            throw new RevocationUnavailableException("CRL " + e.getMessage());
        } catch (Exception e) {
            // Whatever the parser throws on hostile bytes: the CRL is simply unusable.
            throw new RevocationUnavailableException("CRL " + url + " is not a CRL: " + e.getMessage());
        }
    }

    private void verify(X509CRLHolder crl, String url, X509Certificate certificate, X509Certificate issuer,
            Instant now, boolean delta) throws RevocationUnavailableException {
        X500Principal crlIssuer;
        try {
            crlIssuer = new X500Principal(crl.getIssuer().getEncoded());
        } catch (Exception e) {
            throw new RevocationUnavailableException("CRL " + url + " has an unreadable issuer");
        }
        if (!crlIssuer.equals(certificate.getIssuerX500Principal())) {
            throw new RevocationUnavailableException("CRL " + url + " is issued by " + crlIssuer.getName()
                    + ", not by the certificate's issuer");
        }
        boolean[] keyUsage = issuer.getKeyUsage();
        if (keyUsage != null && (keyUsage.length < 7 || !keyUsage[6])) {
            throw new RevocationUnavailableException("the issuer may not sign CRLs (no cRLSign)");
        }
        try {
            if (!crl.isSignatureValid(Verifiers.of(issuer.getPublicKey()))) {
                throw new RevocationUnavailableException("CRL " + url + " has a bad signature");
            }
        } catch (RevocationUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new RevocationUnavailableException("cannot verify CRL " + url + ": " + e.getMessage());
        }
        for (Object oid : crl.getCriticalExtensionOIDs()) {
            if (!UNDERSTOOD_CRITICAL.contains(oid)) {
                throw new RevocationUnavailableException("CRL " + url + " has an unknown critical extension " + oid);
            }
        }
        if ((crl.getExtension(Extension.deltaCRLIndicator) != null) != delta) {
            throw new RevocationUnavailableException(url + (delta ? " is not a delta CRL" : " is a delta CRL, not complete"));
        }
        if (crl.getThisUpdate().toInstant().isAfter(now.plus(clockSkew))) {
            throw new RevocationUnavailableException("CRL " + url + " is dated in the future");
        }
        checkScope(crl, url, certificate);
    }

    /** RFC 5280 5.2.5: a CRL limited to some reasons, to other kinds of certificates, or indirect, is not ours to use. */
    private static void checkScope(X509CRLHolder crl, String url, X509Certificate certificate)
            throws RevocationUnavailableException {
        Extension extension = crl.getExtension(Extension.issuingDistributionPoint);
        if (extension == null) {
            return;
        }
        IssuingDistributionPoint scope;
        try {
            scope = IssuingDistributionPoint.getInstance(extension.getParsedValue());
        } catch (IllegalArgumentException e) {
            throw new RevocationUnavailableException("CRL " + url + " has an unreadable issuingDistributionPoint");
        }
        boolean ca = certificate.getBasicConstraints() >= 0;
        if (scope.isIndirectCRL() || scope.getOnlySomeReasons() != null || scope.onlyContainsAttributeCerts()
                || (scope.onlyContainsUserCerts() && ca) || (scope.onlyContainsCACerts() && !ca)) {
            throw new RevocationUnavailableException("CRL " + url + " does not cover this certificate (issuingDistributionPoint)");
        }
    }

    private static BigInteger number(X509CRLHolder crl) {
        Extension extension = crl.getExtension(Extension.cRLNumber);
        try {
            return extension == null ? null : CRLNumber.getInstance(extension.getParsedValue()).getCRLNumber();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static RevocationReason reason(X509CRLEntryHolder entry) {
        Extension extension = entry.getExtensions() == null ? null : entry.getExtensions().getExtension(Extension.reasonCode);
        if (extension == null) {
            return null;
        }
        try {
            return RevocationReason.fromCode(CRLReason.getInstance(extension.getParsedValue()).getValue().intValue());
        } catch (IllegalArgumentException e) {
            return RevocationReason.UNSPECIFIED;
        }
    }
}
