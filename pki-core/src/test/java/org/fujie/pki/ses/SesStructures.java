package org.fujie.pki.ses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTCTime;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;

/**
 * The test's own seals and signatures, built field by field from the standards' ASN.1 with Bouncy Castle's primitives and
 * signed with Bouncy Castle's low-level SM2Signer (GM/T 0009 default ID): nothing of the ses package is used, so the
 * verifier is checked against an independent reading. Also the test's own reading of what the builders write.
 */
public final class SesStructures {

    static final byte[] DEFAULT_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter GENERALIZED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private SesStructures() {
    }

    static byte[] sm2(PrivateKey key, byte[] message) {
        try {
            SM2Signer signer = new SM2Signer();
            signer.init(true, new ParametersWithID(new ParametersWithRandom(ECUtil.generatePrivateKeyParameter(key), new SecureRandom()),
                    DEFAULT_ID));
            signer.update(message, 0, message.length);
            return signer.generateSignature();
        } catch (java.security.InvalidKeyException | CryptoException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] der(ASN1Encodable object) {
        try {
            return object.toASN1Primitive().getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DERSequence seq(ASN1Encodable... elements) {
        return new DERSequence(elements);
    }

    static DERGeneralizedTime generalized(Instant time) {
        return new DERGeneralizedTime(GENERALIZED.format(time));
    }

    static DERUTCTime utc(Instant time) {
        return new DERUTCTime(UTC.format(time));
    }

    static DERSequence picture(byte[] png) {
        return seq(new DERIA5String("PNG"), new DEROctetString(png), new ASN1Integer(40), new ASN1Integer(40));
    }

    /** GB/T 38540 SES_SealInfo with certListType 1 (certificates). */
    public static DERSequence sealInfoV4(String esId, List<byte[]> keepers, Instant from, Instant until, byte[] png) {
        DERSequence header = seq(new DERIA5String("ES"), new ASN1Integer(4), new DERIA5String("FujieTest"));
        DERSequence certs = new DERSequence(keepers.stream().map(DEROctetString::new).toArray(ASN1Encodable[]::new));
        DERSequence property = seq(new ASN1Integer(1), new DERUTF8String("测试单位公章"), new ASN1Integer(1), certs,
                generalized(from), generalized(from), generalized(until));
        return seq(header, new DERIA5String(esId), property, picture(png));
    }

    /** GB/T 38540 SESeal: the maker signs the DER of SES_SealInfo. */
    public static DERSequence sealV4(DERSequence sealInfo, byte[] makerCert, PrivateKey makerKey) {
        return seq(sealInfo, new DEROctetString(makerCert), GMObjectIdentifiers.sm2sign_with_sm3,
                new DERBitString(sm2(makerKey, der(sealInfo))));
    }

    /** GB/T 38540 SES_Signature over the DER of TBS_Sign; timeStamp [0] EXPLICIT when a token is given. */
    public static DERSequence signatureV4(DERSequence seal, Instant time, byte[] dataHash, byte[] signerCert, PrivateKey signerKey,
            byte[] token) {
        DERSequence tbs = seq(new ASN1Integer(4), seal, generalized(time), new DERBitString(dataHash), new DERIA5String("page=1"));
        byte[] value = sm2(signerKey, der(tbs));
        if (token == null) {
            return seq(tbs, new DEROctetString(signerCert), GMObjectIdentifiers.sm2sign_with_sm3, new DERBitString(value));
        }
        return seq(tbs, new DEROctetString(signerCert), GMObjectIdentifiers.sm2sign_with_sm3, new DERBitString(value),
                new DERTaggedObject(true, 0, new DERBitString(token)));
    }

    /** GM/T 0031-2014 SES_SealInfo: certList SEQUENCE OF OCTET STRING, no certListType, UTCTime. */
    public static DERSequence sealInfoV1(String esId, List<byte[]> keepers, Instant from, Instant until, byte[] png) {
        DERSequence header = seq(new DERIA5String("ES"), new ASN1Integer(1), new DERIA5String("FujieTest"));
        DERSequence certs = new DERSequence(keepers.stream().map(DEROctetString::new).toArray(ASN1Encodable[]::new));
        DERSequence property = seq(new ASN1Integer(1), new DERUTF8String("测试单位公章"), certs, utc(from), utc(from), utc(until));
        return seq(header, new DERIA5String(esId), property, picture(png));
    }

    /** GM/T 0031-2014 SESeal: the maker signs SEQUENCE { sealInfo, cert, algorithm }, kept in SES_SignInfo. */
    public static DERSequence sealV1(DERSequence sealInfo, byte[] makerCert, PrivateKey makerKey) {
        DEROctetString cert = new DEROctetString(makerCert);
        byte[] value = sm2(makerKey, der(seq(sealInfo, cert, GMObjectIdentifiers.sm2sign_with_sm3)));
        return seq(sealInfo, seq(cert, GMObjectIdentifiers.sm2sign_with_sm3, new DERBitString(value)));
    }

    /** GM/T 0031-2014 SES_Signature: timeInfo a BIT STRING holding UTCTime text, cert and algorithm inside TBS_Sign. */
    public static DERSequence signatureV1(DERSequence seal, Instant time, byte[] dataHash, byte[] signerCert, PrivateKey signerKey) {
        DERSequence tbs = seq(new ASN1Integer(1), seal, new DERBitString(UTC.format(time).getBytes(StandardCharsets.US_ASCII)),
                new DERBitString(dataHash), new DERIA5String("page=1"), new DEROctetString(signerCert),
                GMObjectIdentifiers.sm2sign_with_sm3);
        return seq(tbs, new DERBitString(sm2(signerKey, der(tbs))));
    }

    /** The test's reading of a v4 SESeal's fields (positions from GB/T 38540), to compare with what the builders meant. */
    record ReadSeal(String id, int headerVersion, String vendorId, String esId, int type, String name, int certListType,
            List<byte[]> certs, String pictureType, byte[] picture, byte[] makerCert, String algorithm, byte[] value) {

        static ReadSeal of(byte[] der) throws IOException {
            ASN1Sequence seal = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            ASN1Sequence info = ASN1Sequence.getInstance(seal.getObjectAt(0));
            ASN1Sequence header = ASN1Sequence.getInstance(info.getObjectAt(0));
            ASN1Sequence property = ASN1Sequence.getInstance(info.getObjectAt(2));
            ASN1Sequence picture = ASN1Sequence.getInstance(info.getObjectAt(3));
            List<byte[]> certs = java.util.Arrays.stream(ASN1Sequence.getInstance(property.getObjectAt(3)).toArray())
                    .map(c -> DEROctetString.getInstance(c).getOctets()).toList();
            return new ReadSeal(DERIA5String.getInstance(header.getObjectAt(0)).getString(),
                    ASN1Integer.getInstance(header.getObjectAt(1)).intValueExact(), DERIA5String.getInstance(header.getObjectAt(2)).getString(),
                    DERIA5String.getInstance(info.getObjectAt(1)).getString(), ASN1Integer.getInstance(property.getObjectAt(0)).intValueExact(),
                    DERUTF8String.getInstance(property.getObjectAt(1)).getString(), ASN1Integer.getInstance(property.getObjectAt(2)).intValueExact(),
                    certs, DERIA5String.getInstance(picture.getObjectAt(0)).getString(), DEROctetString.getInstance(picture.getObjectAt(1)).getOctets(),
                    DEROctetString.getInstance(seal.getObjectAt(1)).getOctets(), seal.getObjectAt(2).toString(),
                    DERBitString.getInstance(seal.getObjectAt(3)).getOctets());
        }
    }
}
