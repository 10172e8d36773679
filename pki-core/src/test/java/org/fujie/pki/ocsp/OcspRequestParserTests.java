package org.fujie.pki.ocsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.fujie.pki.TestCertificates;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.junit.jupiter.api.Test;

class OcspRequestParserTests {

    private static final TestCertificates.Issued CA = TestCertificates.root(KeyAlgorithm.EC_P256, "CN=OCSP Parser CA");
    private final OcspRequestParser parser = new OcspRequestParser(4096, 3);

    @Test
    void parseWhenSingleWithoutNonceThenOneCertificateAndNoNonce() throws Exception {
        ParsedOcspRequest parsed = parser.parse(request(1, null));

        assertThat(parsed.certificates()).singleElement().satisfies(id -> assertThat(id.getSerialNumber()).isEqualTo(BigInteger.ONE));
        assertThat(parsed.nonce()).isNull();
        assertThat(parsed.isSingleWithoutNonce()).isTrue();
    }

    @Test
    void parseWhenNonceThenItsExtensionValueIsKeptToEcho() throws Exception {
        byte[] nonce = new DEROctetString(new byte[16]).getEncoded();

        ParsedOcspRequest parsed = parser.parse(request(2, nonce));

        assertThat(parsed.nonce()).isEqualTo(nonce);
        assertThat(parsed.isSingleWithoutNonce()).isFalse();
    }

    @Test
    void parseWhenNonceLongerThan32OctetsThenRefused() throws Exception {
        assertThatThrownBy(() -> parser.parse(request(1, new DEROctetString(new byte[33]).getEncoded())))
                .isInstanceOf(OcspRequestException.class).hasMessageContaining("nonce");
    }

    @Test
    void parseWhenMoreCertificatesThanAllowedThenRefused() throws Exception {
        assertThatThrownBy(() -> parser.parse(request(4, null)))
                .isInstanceOf(OcspRequestException.class).hasMessageContaining("at most 3");
    }

    @Test
    void parseWhenGarbageTruncatedEmptyOrTooLargeThenRefused() throws Exception {
        byte[] good = request(1, null);
        for (byte[] bad : new byte[][] {new byte[0], "hello".getBytes(), Arrays.copyOf(good, good.length - 3),
                {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff}, new byte[4097]}) {
            assertThatThrownBy(() -> parser.parse(bad)).isInstanceOf(OcspRequestException.class);
        }
    }

    private static byte[] request(int certificates, byte[] nonceExtensionValue) throws Exception {
        OCSPReqBuilder builder = new OCSPReqBuilder();
        for (int i = 1; i <= certificates; i++) {
            builder.addRequest(new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                    .get(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1, DERNull.INSTANCE)), CA.certificate(), BigInteger.valueOf(i)));
        }
        if (nonceExtensionValue != null) {
            builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, nonceExtensionValue)));
        }
        return builder.build().getEncoded();
    }
}
