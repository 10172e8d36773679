package org.fujie.pki.x509;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.Extension;

/** Short ways to make X.509 extensions from ASN.1 values. */
public final class Extensions {

    private Extensions() {
    }

    public static Extension nonCritical(ASN1ObjectIdentifier oid, ASN1Encodable value) {
        return of(oid, false, value);
    }

    public static Extension critical(ASN1ObjectIdentifier oid, ASN1Encodable value) {
        return of(oid, true, value);
    }

    public static Extension of(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            return new Extension(oid, critical, value.toASN1Primitive().getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode extension " + oid, e);
        }
    }
}
