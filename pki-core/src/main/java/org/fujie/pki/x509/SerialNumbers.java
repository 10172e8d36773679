package org.fujie.pki.x509;

import java.math.BigInteger;
import org.fujie.pki.crypto.CryptoProviders;

/**
 * Certificate serial numbers: 20 octets from a CSPRNG, positive, with the top byte in 0x40..0x7f so
 * the DER INTEGER is always exactly 20 octets (RFC 5280 4.1.2.2 allows no more). 158 random bits,
 * far above the 64 the CA/Browser Forum asks for.
 */
public final class SerialNumbers {

    private SerialNumbers() {
    }

    public static BigInteger next() {
        byte[] bytes = new byte[20];
        CryptoProviders.secureRandom().nextBytes(bytes);
        bytes[0] = (byte) ((bytes[0] & 0x3f) | 0x40);
        return new BigInteger(1, bytes);
    }

    /** Lower-case hex without separators, as the API and storage use. */
    public static String toHex(BigInteger serial) {
        return serial.toString(16);
    }
}
