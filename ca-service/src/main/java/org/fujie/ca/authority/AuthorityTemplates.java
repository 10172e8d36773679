package org.fujie.ca.authority;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.fujie.pki.x509.CertificateTemplate;
import org.fujie.pki.x509.Extensions;
import org.fujie.pki.x509.SerialNumbers;

/** Templates of CA certificates (RFC 5280: basicConstraints cA critical, keyCertSign and cRLSign). */
public final class AuthorityTemplates {

    private final PublicEndpoints endpoints;

    public AuthorityTemplates(PublicEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /**
     * A CA certificate template. For a subordinate CA the validity is cut to the parent's and the
     * parent's AIA and CRL distribution point are added.
     *
     * @param parent null for a self-signed root
     * @param pathLength null for no path length constraint
     */
    public CertificateTemplate template(X500Name subject, SubjectPublicKeyInfo publicKey, int validityDays,
            Integer pathLength, CertificateAuthority parent) {
        Instant notBefore = Instant.now().minus(Duration.ofMinutes(5));
        Instant notAfter = Instant.now().plus(Duration.ofDays(validityDays));
        List<Extension> extensions = new ArrayList<>();
        BasicConstraints constraints = pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength);
        extensions.add(Extensions.critical(Extension.basicConstraints, constraints));
        extensions.add(Extensions.critical(Extension.keyUsage,
                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature)));
        if (parent != null) {
            if (notAfter.isAfter(parent.notAfter())) {
                notAfter = parent.notAfter();
            }
            extensions.add(endpoints.authorityInformationAccess(parent.id()));
            extensions.add(endpoints.crlDistributionPoints(parent.id()));
            extensions.add(endpoints.freshestCrl(parent.id()));
        }
        return new CertificateTemplate(SerialNumbers.next(), subject, publicKey, notBefore, notAfter, extensions);
    }
}
