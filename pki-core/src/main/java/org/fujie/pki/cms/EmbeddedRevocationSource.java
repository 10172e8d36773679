package org.fujie.pki.cms;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLEntryHolder;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.fujie.pki.crypto.Verifiers;
import org.fujie.pki.revocation.RevocationReason;
import org.fujie.pki.validation.OcspResponderTrust;
import org.fujie.pki.validation.RevocationFinding;
import org.fujie.pki.validation.RevocationFinding.Source;
import org.fujie.pki.validation.RevocationFinding.Status;
import org.fujie.pki.validation.RevocationSource;
import org.fujie.pki.x509.SubjectNames;

/**
 * Revocation information a document carries (a PDF's DSS, a CMS's revocationInfoChoices): OCSP answers first, then CRLs, each used only when it is
 * authentic for the certificate's issuer (OCSP through {@link OcspResponderTrust}, a CRL signed by the issuer
 * with cRLSign, complete, no unknown critical extension). Findings carry the url given so a report (and the
 * B-LT level) can tell embedded data from fetched data. Judging whether it covers the validation time is
 * left to the revocation checker, as for any source.
 */
public final class EmbeddedRevocationSource implements RevocationSource {

    private final ValidationData dss;
    private final Duration clockSkew;
    private final String url;

    /** @param url what every finding from here names as its url (say "embedded:DSS"), so reports tell it from fetched data */
    public EmbeddedRevocationSource(ValidationData dss, Duration clockSkew, String url) {
        this.dss = dss;
        this.clockSkew = clockSkew;
        this.url = url;
    }

    @Override
    public RevocationFinding check(X509Certificate certificate, X509Certificate issuer, Instant now)
            throws RevocationUnavailableException {
        RevocationFinding ocsp = fromOcsp(certificate, issuer, now);
        return ocsp != null ? ocsp : fromCrl(certificate, issuer, now);
    }

    private RevocationFinding fromOcsp(X509Certificate certificate, X509Certificate issuer, Instant now) {
        OcspResponderTrust trust = new OcspResponderTrust(this::fromCrl);
        String subject = SubjectNames.format(certificate.getSubjectX500Principal());
        for (BasicOCSPResp response : dss.ocsps()) {
            for (SingleResp single : response.getResponses()) {
                try {
                    if (!single.getCertID().getSerialNumber().equals(certificate.getSerialNumber())
                            || !single.getCertID().matchesIssuer(new JcaX509CertificateHolder(issuer),
                                    new JcaDigestCalculatorProviderBuilder().build())) {
                        continue;
                    }
                    trust.verify(response, issuer, now);
                } catch (Exception e) {
                    continue; // not for this certificate, or not authentic: another answer may be
                }
                Instant thisUpdate = single.getThisUpdate().toInstant();
                if (thisUpdate.isAfter(now.plus(clockSkew))) {
                    continue;
                }
                Instant nextUpdate = single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant();
                BigInteger serial = certificate.getSerialNumber();
                if (single.getCertStatus() == CertificateStatus.GOOD) {
                    return new RevocationFinding(subject, serial, Source.OCSP, Status.GOOD, null, null, thisUpdate,
                            nextUpdate, url, "embedded OCSP answer says good");
                }
                if (single.getCertStatus() instanceof RevokedStatus revoked) {
                    return new RevocationFinding(subject, serial, Source.OCSP, Status.REVOKED,
                            revoked.getRevocationTime().toInstant(), revoked.hasRevocationReason()
                                    ? reason(revoked.getRevocationReason()) : null,
                            thisUpdate, nextUpdate, url, "embedded OCSP answer says revoked");
                }
            }
        }
        return null;
    }

    private RevocationFinding fromCrl(X509Certificate certificate, X509Certificate issuer, Instant now)
            throws RevocationUnavailableException {
        boolean[] keyUsage = issuer.getKeyUsage();
        boolean mayCrl = keyUsage == null || keyUsage.length > 6 && keyUsage[6];
        String subject = SubjectNames.format(certificate.getSubjectX500Principal());
        for (X509CRLHolder crl : dss.crls()) {
            if (!mayCrl || !crl.getIssuer().equals(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))
                    || crl.getExtension(Extension.deltaCRLIndicator) != null
                    || crl.getThisUpdate().toInstant().isAfter(now.plus(clockSkew))
                    || !understood(crl) || !signedBy(crl, issuer)) {
                continue;
            }
            Instant thisUpdate = crl.getThisUpdate().toInstant();
            Instant nextUpdate = crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant();
            X509CRLEntryHolder entry = crl.getRevokedCertificate(certificate.getSerialNumber());
            if (entry == null) {
                return new RevocationFinding(subject, certificate.getSerialNumber(), Source.CRL, Status.GOOD, null, null,
                        thisUpdate, nextUpdate, url, "not listed on the embedded CRL of " + thisUpdate);
            }
            RevocationReason reason = entry.getExtensions() == null ? null : reasonOf(entry);
            return new RevocationFinding(subject, certificate.getSerialNumber(), Source.CRL, Status.REVOKED,
                    entry.getRevocationDate().toInstant(), reason, thisUpdate, nextUpdate, url,
                    "listed on the embedded CRL of " + thisUpdate);
        }
        throw new RevocationUnavailableException("no authentic embedded revocation data");
    }

    private static boolean understood(X509CRLHolder crl) {
        for (Object oid : crl.getCriticalExtensionOIDs()) {
            if (!Extension.issuingDistributionPoint.equals(oid)) {
                return false;
            }
        }
        return true;
    }

    private static boolean signedBy(X509CRLHolder crl, X509Certificate issuer) {
        try {
            return crl.isSignatureValid(Verifiers.of(issuer.getPublicKey()));
        } catch (Exception e) {
            return false;
        }
    }

    private static RevocationReason reasonOf(X509CRLEntryHolder entry) {
        Extension extension = entry.getExtensions().getExtension(Extension.reasonCode);
        if (extension == null) {
            return null;
        }
        try {
            return reason(org.bouncycastle.asn1.x509.CRLReason.getInstance(extension.getParsedValue()).getValue().intValue());
        } catch (RuntimeException e) {
            return RevocationReason.UNSPECIFIED;
        }
    }

    private static RevocationReason reason(int code) {
        try {
            return RevocationReason.fromCode(code);
        } catch (IllegalArgumentException e) {
            return RevocationReason.UNSPECIFIED;
        }
    }
}
