package org.fujie.ca.authority;

import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.fujie.pki.x509.Extensions;

/**
 * The public plain-HTTP PKI endpoints of CONTRACT.md as certificate extensions: AIA (OCSP and
 * caIssuers, RFC 5280 4.2.2.1), CRL distribution points (4.2.1.13) and freshest CRL (4.2.1.15) of the
 * issuing CA.
 */
public record PublicEndpoints(String baseUrl) {

    public String caCertificateUrl(String caId) {
        return baseUrl + "/pki/ca/" + caId + ".crt";
    }

    public String crlUrl(String caId) {
        return baseUrl + "/pki/crl/" + caId + ".crl";
    }

    public String deltaCrlUrl(String caId) {
        return baseUrl + "/pki/crl/" + caId + "-delta.crl";
    }

    public String ocspUrl() {
        return baseUrl + "/pki/ocsp";
    }

    public Extension authorityInformationAccess(String issuerCaId) {
        AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(new DERSequence(new AccessDescription[] {
                new AccessDescription(AccessDescription.id_ad_ocsp, uri(ocspUrl())),
                new AccessDescription(AccessDescription.id_ad_caIssuers, uri(caCertificateUrl(issuerCaId)))}));
        return Extensions.nonCritical(Extension.authorityInfoAccess, aia);
    }

    public Extension crlDistributionPoints(String issuerCaId) {
        return Extensions.nonCritical(Extension.cRLDistributionPoints, distributionPoint(crlUrl(issuerCaId)));
    }

    /** Where the delta CRLs are (RFC 5280 4.2.1.15), non-critical as the RFC asks. */
    public Extension freshestCrl(String issuerCaId) {
        return Extensions.nonCritical(Extension.freshestCRL, distributionPoint(deltaCrlUrl(issuerCaId)));
    }

    private static CRLDistPoint distributionPoint(String url) {
        return new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(uri(url))), null, null)});
    }

    private static GeneralName uri(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }
}
