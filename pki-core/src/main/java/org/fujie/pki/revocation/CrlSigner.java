package org.fujie.pki.revocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;

import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.fujie.pki.operator.SigningKey;

/**
 * How to sign a CRL for one issuer: adds the issuer name and the authority key identifier (RFC 5280
 * 5.2.1) and encodes the template's extensions. Entries are written in the order given.
 */
public final class CrlSigner {

    private final X500Name issuer;
    private final byte[] issuerKeyId;
    private final SigningKey key;

    public CrlSigner(X500Name issuer, byte[] issuerKeyId, SigningKey key) {
        this.issuer = issuer;
        this.issuerKeyId = issuerKeyId.clone();
        this.key = key;
    }

    public X509CRLHolder sign(CrlTemplate template) {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(issuer, Date.from(template.thisUpdate()));
        builder.setNextUpdate(Date.from(template.nextUpdate()));
        try {
            builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(issuerKeyId));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(template.number()));
            if (template.isDelta()) {
                // RFC 5280 5.2.4: the delta CRL indicator MUST be critical.
                builder.addExtension(Extension.deltaCRLIndicator, true, new CRLNumber(template.deltaBase()));
            }
            if (template.freshestCrlUrl() != null) {
                builder.addExtension(Extension.freshestCRL, false, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(new DistributionPointName(new GeneralNames(
                                new GeneralName(GeneralName.uniformResourceIdentifier, template.freshestCrlUrl()))), null, null)}));
            }
            if (template.expiredCertsOnCrl() != null) {
                builder.addExtension(Extension.expiredCertsOnCRL, false, new ASN1GeneralizedTime(Date.from(template.expiredCertsOnCrl())));
            }
            for (CrlTemplate.Entry entry : template.entries()) {
                builder.addCRLEntry(entry.serial(), Date.from(entry.revocationDate()), entryExtensions(entry));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a CRL extension", e);
        }
        return builder.build(key.newContentSigner());
    }

    private static org.bouncycastle.asn1.x509.Extensions entryExtensions(CrlTemplate.Entry entry) throws IOException {
        if (entry.reason() == null && entry.invalidityDate() == null) {
            return null;
        }
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        if (entry.reason() != null) {
            extensions.addExtension(Extension.reasonCode, false, CRLReason.lookup(entry.reason().code()));
        }
        if (entry.invalidityDate() != null) {
            // RFC 5280 5.3.2: GeneralizedTime, non-critical.
            extensions.addExtension(Extension.invalidityDate, false, new ASN1GeneralizedTime(Date.from(entry.invalidityDate())));
        }
        return extensions.generate();
    }

}
