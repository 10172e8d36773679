package org.fujie.pki.x509;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.bouncycastle.asn1.ASN1Integer;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SerialNumbersTests {

    private static final int SAMPLES = 2_000;

    @Test
    void nextThenPositiveAndExactly20OctetsInDer() throws Exception {
        for (int i = 0; i < SAMPLES; i++) {
            BigInteger serial = SerialNumbers.next();
            byte[] der = new ASN1Integer(serial).getEncoded();

            assertThat(serial.signum()).isEqualTo(1);
            assertThat(der[0]).isEqualTo((byte) 0x02);
            assertThat(der[1]).as("DER length of %s", serial.toString(16)).isEqualTo((byte) 20);
            assertThat(der).hasSize(22);
        }
    }

    @Test
    void nextThenValuesDifferAndEveryFreeBitVaries() {
        Set<BigInteger> seen = new HashSet<>();
        BigInteger allOnes = BigInteger.ZERO;
        BigInteger allZeros = BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE);
        for (int i = 0; i < SAMPLES; i++) {
            BigInteger serial = SerialNumbers.next();
            seen.add(serial);
            allOnes = allOnes.or(serial);
            allZeros = allZeros.and(serial);
        }

        assertThat(seen).hasSize(SAMPLES);
        // bit 159 is always 0 (positive) and bit 158 always 1 (20 octets); the other 158 bits are random
        assertThat(allOnes.bitCount()).isEqualTo(159);
        assertThat(allOnes.testBit(159)).isFalse();
        assertThat(allZeros).isEqualTo(BigInteger.ONE.shiftLeft(158));
    }

    @Test
    void toHexThenLowerCaseFortyDigitsAsOpenSslPrintsThem(@TempDir Path directory) {
        TestCertificates.Issued root = TestCertificates.root(KeyAlgorithm.EC_P256, "CN=Root");
        OpenSsl openssl = new OpenSsl(directory);
        openssl.write("root.pem", root.pem());

        String printed = openssl.run("x509", "-in", "root.pem", "-noout", "-serial").strip();
        String hex = SerialNumbers.toHex(root.certificate().getSerialNumber());

        assertThat(hex).hasSize(40).matches("[0-9a-f]{40}");
        assertThat(printed).isEqualTo("serial=" + hex.toUpperCase(Locale.ROOT));
    }

    @Test
    void toHexThenNoSeparatorsOrSign() {
        assertThat(SerialNumbers.toHex(BigInteger.valueOf(0xABCDEFL))).isEqualTo("abcdef");
        assertThat(SerialNumbers.toHex(new BigInteger("4000000000000000000000000000000000000001", 16)))
                .isEqualTo("4000000000000000000000000000000000000001");
    }
}
