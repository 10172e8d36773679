package org.fujie.pki.ses;

import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 (GB/T 32905), the hash GB/T 38540 pairs with SM2: of the document for dataHash, of a signature for its time-stamp. */
public final class SesDigests {

    private SesDigests() {
    }

    public static byte[] sm3(byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }
}
