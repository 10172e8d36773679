package org.fujie.pki.validation;

import java.io.IOException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.fujie.pki.x509.SubjectNames;

/**
 * Reads the extensions validation needs from a certificate. A malformed extension reads as absent:
 * the PKIX check and the signature decide about the certificate, these only guide the search.
 */
final class CertificateFields {

    private CertificateFields() {
    }

    static String subject(X509Certificate certificate) {
        return SubjectNames.format(certificate.getSubjectX500Principal());
    }

    static boolean selfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    /** AIA id-ad-ocsp URLs (RFC 5280 4.2.2.1), http only. */
    static List<String> ocspUrls(X509Certificate certificate) {
        return accessUrls(certificate, AccessDescription.id_ad_ocsp);
    }

    /** AIA id-ad-caIssuers URLs, http only. */
    static List<String> caIssuersUrls(X509Certificate certificate) {
        return accessUrls(certificate, AccessDescription.id_ad_caIssuers);
    }

    /** The full-name URIs of the CRL distribution points (RFC 5280 4.2.1.13) that cover all reasons, http only. */
    static List<String> crlUrls(X509Certificate certificate) {
        return distributionPointUrls(certificate, Extension.cRLDistributionPoints);
    }

    /**
     * The URLs of the simple distribution points (full name, all reasons, CRL signed by the certificate's
     * issuer) of a cRLDistributionPoints or freshestCRL value (RFC 5280 4.2.1.13, 4.2.1.15, 5.2.6).
     */
    static List<String> distributionPointUrls(CRLDistPoint points) {
        List<String> urls = new ArrayList<>();
        for (DistributionPoint point : points.getDistributionPoints()) {
            // Partitioned by reasons or held by another CRL issuer: not the simple case we follow.
            if (point.getReasons() != null || point.getCRLIssuer() != null || point.getDistributionPoint() == null
                    || point.getDistributionPoint().getType() != DistributionPointName.FULL_NAME) {
                continue;
            }
            urls.addAll(httpUris(GeneralNames.getInstance(point.getDistributionPoint().getName())));
        }
        return urls;
    }

    static boolean hasOcspNoCheck(X509Certificate certificate) {
        return certificate.getExtensionValue(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId()) != null;
    }

    /** The extended key usages, empty when the extension is absent or unreadable. */
    static List<String> extendedKeyUsages(X509Certificate certificate) {
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            return usages == null ? List.of() : usages;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    static byte[] subjectKeyId(X509Certificate certificate) {
        ASN1Primitive value = extension(certificate, Extension.subjectKeyIdentifier);
        return value == null ? null : SubjectKeyIdentifier.getInstance(value).getKeyIdentifier();
    }

    static byte[] authorityKeyId(X509Certificate certificate) {
        ASN1Primitive value = extension(certificate, Extension.authorityKeyIdentifier);
        return value == null ? null : AuthorityKeyIdentifier.getInstance(value).getKeyIdentifierOctets();
    }

    /** Whether the candidate may have issued the certificate: names chain and key identifiers do not contradict. */
    static boolean mayHaveIssued(X509Certificate candidate, X509Certificate certificate) {
        if (!candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        byte[] aki = authorityKeyId(certificate);
        byte[] ski = subjectKeyId(candidate);
        return aki == null || ski == null || Arrays.equals(aki, ski);
    }

    static ASN1Primitive extension(X509Certificate certificate, ASN1ObjectIdentifier oid) {
        byte[] wrapped = certificate.getExtensionValue(oid.getId());
        if (wrapped == null) {
            return null;
        }
        try {
            return ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(wrapped).getOctets());
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> distributionPointUrls(X509Certificate certificate, ASN1ObjectIdentifier oid) {
        ASN1Primitive value = extension(certificate, oid);
        try {
            return value == null ? List.of() : distributionPointUrls(CRLDistPoint.getInstance(value));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static List<String> accessUrls(X509Certificate certificate, ASN1ObjectIdentifier method) {
        ASN1Primitive value = extension(certificate, Extension.authorityInfoAccess);
        if (value == null) {
            return List.of();
        }
        List<String> urls = new ArrayList<>();
        try {
            for (AccessDescription description : AuthorityInformationAccess.getInstance(value).getAccessDescriptions()) {
                if (description.getAccessMethod().equals(method)) {
                    urls.addAll(httpUris(new GeneralNames(description.getAccessLocation())));
                }
            }
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return urls;
    }

    private static List<String> httpUris(GeneralNames names) {
        List<String> uris = new ArrayList<>();
        for (GeneralName name : names.getNames()) {
            if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
                String uri = name.getName().toString();
                if (uri.regionMatches(true, 0, "http://", 0, 7)) {
                    uris.add(uri);
                }
            }
        }
        return uris;
    }
}
