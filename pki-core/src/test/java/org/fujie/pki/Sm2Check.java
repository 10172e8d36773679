package org.fujie.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * The independent SM2 judge where OpenSSL 3.0 cannot be one (it verifies CRLs, OCSP responses and CMS with no SM2 user
 * ID, shared/FACTS.md): Bouncy Castle's low-level SM2Signer over the DER of what was signed, with the GM/T 0009 default
 * ID, outside the JCA and operator path the code under test uses.
 */
public final class Sm2Check {

    public static final String DEFAULT_ID = "1234567812345678";

    private Sm2Check() {
    }

    public static boolean verifies(ASN1Object signed, byte[] signature, SubjectPublicKeyInfo key) {
        try {
            return verifies(signed.getEncoded(ASN1Encoding.DER), signature, key, DEFAULT_ID);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean verifies(byte[] signed, byte[] signature, SubjectPublicKeyInfo key, String id) {
        try {
            SM2Signer signer = new SM2Signer();
            signer.init(false, new ParametersWithID(PublicKeyFactory.createKey(key), id.getBytes(StandardCharsets.UTF_8)));
            signer.update(signed, 0, signed.length);
            return signer.verifySignature(signature);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SM3 by Bouncy Castle's low-level digest, for recomputing a message digest or data hash outside the code under test. */
    public static byte[] sm3(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
