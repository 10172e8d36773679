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
 * caIssuers, RFC 5280 4.2.2.1) and CRL distribution points (4.2.1.13) of the issuing CA.
 */
public record PublicEndpoints(String baseUrl) {

    public String caCertificateUrl(String caId) {
        return baseUrl + "/pki/ca/" + caId + ".crt";
    }

    public String crlUrl(String caId) {
        return baseUrl + "/pki/crl/" + caId + ".crl";
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
        DistributionPoint point = new DistributionPoint(
                new DistributionPointName(new GeneralNames(uri(crlUrl(issuerCaId)))), null, null);
        return Extensions.nonCritical(Extension.cRLDistributionPoints, new CRLDistPoint(new DistributionPoint[] {point}));
    }

    private static GeneralName uri(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }
}
