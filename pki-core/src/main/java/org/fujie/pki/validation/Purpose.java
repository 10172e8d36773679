package org.fujie.pki.validation;

import java.util.EnumSet;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * What a certificate is to be trusted for: each purpose is one extended key usage (RFC 5280 4.2.1.12)
 * the end-entity certificate must carry, and a trust anchor may be limited to some purposes.
 */
public enum Purpose {
    /** id-kp-documentSigning (RFC 9336), what Fujie's document-signing and seal profiles carry. */
    DOCUMENT_SIGNING(new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.36")),
    TLS_SERVER(KeyPurposeId.id_kp_serverAuth.toOID()),
    TLS_CLIENT(KeyPurposeId.id_kp_clientAuth.toOID()),
    /** id-kp-timeStamping, which RFC 3161 2.3 requires (critical) of a TSA certificate. */
    TIME_STAMPING(KeyPurposeId.id_kp_timeStamping.toOID());

    /** Both TLS purposes, for an anchor of the intranet's TLS. */
    public static final Set<Purpose> TLS = Set.copyOf(EnumSet.of(TLS_SERVER, TLS_CLIENT));

    private final ASN1ObjectIdentifier extendedKeyUsage;

    Purpose(ASN1ObjectIdentifier extendedKeyUsage) {
        this.extendedKeyUsage = extendedKeyUsage;
    }

    public ASN1ObjectIdentifier extendedKeyUsage() {
        return extendedKeyUsage;
    }
}
