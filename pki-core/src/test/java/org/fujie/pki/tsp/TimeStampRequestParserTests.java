package org.fujie.pki.tsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.tsp.MessageImprint;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.junit.jupiter.api.Test;

class TimeStampRequestParserTests {

    private static final MessageImprint IMPRINT = new MessageImprint(
            new AlgorithmIdentifier(ImprintDigests.SHA256, DERNull.INSTANCE), new byte[32]);
    private static final ASN1Integer NONCE = new ASN1Integer(new BigInteger("1234567890abcdef", 16));

    private final TimeStampRequestParser parser = new TimeStampRequestParser(1024);

    @Test
    void parseWhenAllFieldsThenEachIsRead() throws Exception {
        ParsedTimeStampRequest parsed = parser.parse(der(ASN1Integer.ONE, IMPRINT, TestTsa.POLICY, NONCE, ASN1Boolean.TRUE));

        assertThat(parsed.hashAlgorithm()).isEqualTo(ImprintDigests.SHA256);
        assertThat(parsed.messageImprint().getHashedMessage()).hasSize(32);
        assertThat(parsed.reqPolicy()).isEqualTo(TestTsa.POLICY);
        assertThat(parsed.nonce()).isEqualTo(NONCE);
        assertThat(parsed.certReq()).isTrue();
    }

    @Test
    void parseWhenOnlyRequiredFieldsThenNoPolicyNoNonceNoCertReq() throws Exception {
        ParsedTimeStampRequest parsed = parser.parse(der(ASN1Integer.ONE, IMPRINT));

        assertThat(parsed.reqPolicy()).isNull();
        assertThat(parsed.nonce()).isNull();
        assertThat(parsed.certReq()).isFalse();
    }

    @Test
    void parseWhenNotATimeStampReqThenBadRequest() throws Exception {
        byte[] good = der(ASN1Integer.ONE, IMPRINT, NONCE);
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        byte[][] bad = {
                null, new byte[0], "hello".getBytes(), Arrays.copyOf(good, good.length - 3), trailing,
                {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}, // a 2 GB length on 6 bytes
                new byte[1025],
                new DEROctetString(new byte[4]).getEncoded(),
                der(ASN1Integer.ONE),
                der(new ASN1Integer(2), IMPRINT),
                der(ASN1Integer.ONE, IMPRINT, NONCE, TestTsa.POLICY), // out of order
                der(ASN1Integer.ONE, IMPRINT, NONCE, NONCE), // repeated
                der(ASN1Integer.ONE, IMPRINT, new DERTaggedObject(false, 1, DERNull.INSTANCE)), // unknown field
                der(ASN1Integer.ONE, new DERSequence(new ASN1Encodable[] {IMPRINT.getHashAlgorithm()})),
        };
        for (byte[] request : bad) {
            assertThatThrownBy(() -> parser.parse(request)).isInstanceOfSatisfying(TimeStampRequestException.class,
                    e -> assertThat(e.failure()).isEqualTo(TimeStampFailure.BAD_REQUEST));
        }
    }

    @Test
    void parseWhenExtensionsThenUnacceptedExtension() throws Exception {
        Extensions extensions = new Extensions(new Extension(new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4"), false,
                new DEROctetString(new byte[1])));

        assertThatThrownBy(() -> parser.parse(der(ASN1Integer.ONE, IMPRINT, NONCE, new DERTaggedObject(false, 0, extensions))))
                .isInstanceOfSatisfying(TimeStampRequestException.class,
                        e -> assertThat(e.failure()).isEqualTo(TimeStampFailure.UNACCEPTED_EXTENSION));
    }

    @Test
    void parseWhenHashAlgorithmHasParametersThenBadAlg() throws Exception {
        MessageImprint withParameters = new MessageImprint(new AlgorithmIdentifier(ImprintDigests.SHA256, ASN1Integer.ONE), new byte[32]);

        assertThatThrownBy(() -> parser.parse(der(ASN1Integer.ONE, withParameters)))
                .isInstanceOfSatisfying(TimeStampRequestException.class, e -> assertThat(e.failure()).isEqualTo(TimeStampFailure.BAD_ALG));
    }

    @Test
    void parseWhenNonceLongerThan64OctetsThenBadDataFormat() throws Exception {
        ASN1Integer longNonce = new ASN1Integer(BigInteger.ONE.shiftLeft(64 * 8 - 1));

        assertThat(parser.parse(der(ASN1Integer.ONE, IMPRINT, new ASN1Integer(BigInteger.ONE.shiftLeft(64 * 8 - 2)))).nonce()).isNotNull();
        assertThatThrownBy(() -> parser.parse(der(ASN1Integer.ONE, IMPRINT, longNonce)))
                .isInstanceOfSatisfying(TimeStampRequestException.class,
                        e -> assertThat(e.failure()).isEqualTo(TimeStampFailure.BAD_DATA_FORMAT));
    }

    private static byte[] der(ASN1Encodable... fields) throws Exception {
        return new DERSequence(fields).getEncoded();
    }
}
