package org.fujie.pki.x509;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 fingerprints of DER objects, lower-case hex. */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String sha256(byte[] der) {
        return HexFormat.of().formatHex(digest("SHA-256", der));
    }

    public static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }
}
