package org.fujie.pki.ses;

import java.io.OutputStream;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentVerifier;
import org.fujie.pki.crypto.Verifiers;

/**
 * Checks a seal's or signature's value with a certificate's key, through {@link Verifiers} (so SM2 uses the deployment's
 * user ID). An SM2 value is DER SEQUENCE { r, s } (GB/T 35276); a bare 64-byte r || s, which some writers store, is taken too.
 */
final class SesSignatureValues {

    private SesSignatureValues() {
    }

    /** Whether the value verifies over the content; false on any error. */
    static boolean verifies(X509Certificate certificate, ASN1ObjectIdentifier algorithm, byte[] content, byte[] value) {
        try {
            ContentVerifier verifier = Verifiers.of(certificate.getPublicKey()).get(new AlgorithmIdentifier(algorithm));
            try (OutputStream out = verifier.getOutputStream()) {
                out.write(content);
            }
            return verifier.verify(GMObjectIdentifiers.sm2sign_with_sm3.equals(algorithm) ? sm2Der(value) : value);
        } catch (Exception e) {
            return false;
        }
    }

    private static byte[] sm2Der(byte[] value) throws java.io.IOException {
        if (value.length == 64 && !isSequence(value)) {
            return new DERSequence(new ASN1Encodable[] {new ASN1Integer(new BigInteger(1, Arrays.copyOf(value, 32))),
                    new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(value, 32, 64)))}).getEncoded();
        }
        return value;
    }

    private static boolean isSequence(byte[] value) {
        try {
            return ASN1Primitive.fromByteArray(value) instanceof ASN1Sequence;
        } catch (Exception e) {
            return false;
        }
    }
}
