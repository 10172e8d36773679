package org.fujie.pki.xades;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;

import org.apache.xml.security.signature.XMLSignature;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.util.BigIntegers;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.SigningKey;

/**
 * XML Signature's signature methods for Fujie's key algorithms, and its encoding of the value: the signer's
 * ContentSigner gives DER for ECDSA, XML Signature 1.1 (6.4.3) wants r and s concatenated, each the curve's size.
 */
final class SignatureMethods {

    private SignatureMethods() {
    }

    static String uri(KeyAlgorithm algorithm) throws XadesException {
        return switch (algorithm) {
            case RSA_2048, RSA_3072, RSA_4096 -> XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256;
            case EC_P256 -> XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256;
            case EC_P384 -> XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA384;
            case ED25519 -> XMLSignature.ALGO_ID_SIGNATURE_EDDSA_ED25519;
            // RFC 9231's registry (IANA "XML Security URIs") has no SM2 signature method: no URI would be understood
            case SM2 -> throw new XadesException("an SM2 seal cannot sign XML: XML Signature has no registered SM2 "
                    + "signature method (IANA XML Security URIs, RFC 9231); seal the XML with an EC or RSA seal, or as a "
                    + "GB/T 38540 seal");
        };
    }

    /** The signature value over the canonical SignedInfo, as ds:SignatureValue carries it. */
    static byte[] sign(SigningKey key, byte[] canonicalSignedInfo) throws IOException {
        ContentSigner signer = key.newContentSigner();
        try (OutputStream out = signer.getOutputStream()) {
            out.write(canonicalSignedInfo);
        }
        byte[] signature = signer.getSignature();
        return switch (key.algorithm()) {
            case EC_P256 -> concatenated(signature, 32);
            case EC_P384 -> concatenated(signature, 48);
            default -> signature;
        };
    }

    private static byte[] concatenated(byte[] der, int size) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(der);
        BigInteger r = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
        BigInteger s = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
        byte[] raw = new byte[2 * size];
        System.arraycopy(BigIntegers.asUnsignedByteArray(size, r), 0, raw, 0, size);
        System.arraycopy(BigIntegers.asUnsignedByteArray(size, s), 0, raw, size, size);
        return raw;
    }
}
