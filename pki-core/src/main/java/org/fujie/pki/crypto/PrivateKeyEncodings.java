package org.fujie.pki.crypto;

import java.io.IOException;
import java.security.PrivateKey;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/** Encodings of private keys that other tools read. */
public final class PrivateKeyEncodings {

    private PrivateKeyEncodings() {
    }

    /**
     * The PKCS#8 version 1 form (RFC 5208) of a key. Bouncy Castle encodes Ed25519 keys as version 2 with
     * the public key (RFC 5958), which OpenSSL 3.0 cannot read.
     */
    public static PrivateKeyInfo version1(PrivateKey key) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        return info.hasPublicKey()
                ? new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), info.parsePrivateKey(), info.getAttributes())
                : info;
    }
}
