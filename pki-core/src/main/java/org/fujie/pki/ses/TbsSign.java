package org.fujie.pki.ses;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * What a keeper signs when stamping.
 * <ul>
 * <li>GB/T 38540 (v4): TBS_Sign ::= SEQUENCE { version INTEGER (4), eseal SESeal, timeInfo GeneralizedTime, dataHash BIT
 * STRING, propertyInfo IA5String, extDatas [0] ExtensionDatas OPTIONAL }. Fujie writes [0] EXPLICIT (ASN.1's default
 * where a module says nothing, and what ofdrw writes); reads explicit or implicit.</li>
 * <li>GM/T 0031-2014 (v1): TBS_Sign ::= SEQUENCE { version INTEGER, eseal SESeal, timeInfo BIT STRING, dataHash BIT
 * STRING, propertyInfo IA5String, cert OCTET STRING, signatureAlgorithm OBJECT IDENTIFIER }. timeInfo holds "a time-stamp
 * or a UTCTime": read as DER time, as UTCTime/GeneralizedTime text, or as a time-stamp token's genTime.</li>
 * </ul>
 */
public final class TbsSign extends ASN1Object {

    private final SesVersion layout;
    private final int version;
    private final SesSeal seal;
    private final Instant time;
    private final byte[] timeInfo;
    private final byte[] dataHash;
    private final String propertyInfo;
    private final ASN1Sequence extDatas;
    private final byte[] signerCertificate;
    private final ASN1ObjectIdentifier signatureAlgorithm;
    /** The structure as read, when read: the signature is over what was received (see SesSealInfo). */
    private final ASN1Primitive source;

    private TbsSign(SesVersion layout, int version, SesSeal seal, Instant time, byte[] timeInfo, byte[] dataHash, String propertyInfo,
            ASN1Sequence extDatas, byte[] signerCertificate, ASN1ObjectIdentifier signatureAlgorithm, ASN1Primitive source) {
        this.source = source;
        this.layout = layout;
        this.version = version;
        this.seal = Objects.requireNonNull(seal, "seal");
        this.time = time;
        this.timeInfo = timeInfo;
        this.dataHash = dataHash.clone();
        this.propertyInfo = Objects.requireNonNull(propertyInfo, "propertyInfo");
        this.extDatas = extDatas;
        this.signerCertificate = signerCertificate;
        this.signatureAlgorithm = signatureAlgorithm;
        if (!DERIA5String.isIA5String(propertyInfo)) {
            throw new IllegalArgumentException("propertyInfo must be IA5 (ASCII) text");
        }
    }

    /** A v4 TBS_Sign; the time is kept to whole seconds, as it is encoded. */
    public static TbsSign v4(SesSeal seal, Instant time, byte[] dataHash, String propertyInfo) {
        return new TbsSign(SesVersion.V4, SesVersion.V4.number(), seal, time.truncatedTo(ChronoUnit.SECONDS), null, dataHash,
                propertyInfo, null, null, null, null);
    }

    public static TbsSign getInstance(Object object) {
        if (object instanceof TbsSign tbs) {
            return tbs;
        }
        ASN1Sequence s = SesDer.sequence(object, "TBS_Sign", 5, 7);
        int version = SesDer.integer(s.getObjectAt(0), "TBS_Sign.version");
        SesSeal seal = SesSeal.getInstance(s.getObjectAt(1));
        byte[] dataHash = SesDer.bits(s.getObjectAt(3), "dataHash");
        String property = SesDer.ia5(s.getObjectAt(4), "propertyInfo");
        if (s.size() == 7) {
            byte[] timeInfo = SesDer.bits(s.getObjectAt(2), "timeInfo");
            return new TbsSign(SesVersion.V1, version, seal, v1Time(timeInfo), timeInfo, dataHash, property, null,
                    SesDer.octets(s.getObjectAt(5), "signer cert"), SesDer.oid(s.getObjectAt(6), "signatureAlgorithm"), s);
        }
        ASN1Sequence ext = s.size() == 6 ? extensionDatas(s.getObjectAt(5)) : null;
        return new TbsSign(SesVersion.V4, version, seal, SesDer.time(s.getObjectAt(2), "timeInfo"), null, dataHash, property, ext,
                null, null, s);
    }

    /** [0] ExtensionDatas, explicit (a SEQUENCE OF inside the tag) or implicit (the ExtData sequences right in it). */
    private static ASN1Sequence extensionDatas(ASN1Encodable element) {
        if (!(element instanceof ASN1TaggedObject tagged) || tagged.getTagNo() != 0 || tagged.getTagClass() != BERTags.CONTEXT_SPECIFIC) {
            throw new SesFormatException("TBS_Sign's sixth field is not extDatas [0]");
        }
        try {
            ASN1Primitive inner = tagged.getBaseObject().toASN1Primitive();
            if (tagged.isExplicit() && inner instanceof ASN1Sequence list && (list.size() == 0
                    || list.getObjectAt(0).toASN1Primitive() instanceof ASN1Sequence)) {
                return list;
            }
            // Implicit: the tag replaced the SEQUENCE OF's own, so its content is the list of ExtData.
            return ASN1Sequence.getInstance(tagged, false);
        } catch (RuntimeException e) {
            throw new SesFormatException("TBS_Sign.extDatas is not an ExtensionDatas");
        }
    }

    private static Instant v1Time(byte[] timeInfo) {
        try {
            ASN1Primitive der = ASN1Primitive.fromByteArray(timeInfo);
            if (der instanceof ASN1Sequence) {
                return new TimeStampToken(new CMSSignedData(timeInfo)).getTimeStampInfo().getGenTime().toInstant();
            }
            return SesDer.time(der, "timeInfo");
        } catch (Exception notDer) {
            // Not DER: then the time's text itself, as most GM/T 0031 writers store it.
        }
        String text = new String(timeInfo, StandardCharsets.US_ASCII).trim();
        try {
            if (text.length() == 13 && text.endsWith("Z")) {
                return parse(text, "yyMMddHHmmss'Z'", true);
            }
            if (text.length() == 15 && text.endsWith("Z")) {
                return parse(text, "yyyyMMddHHmmss'Z'", false);
            }
            if (text.length() == 14) {
                return parse(text, "yyyyMMddHHmmss", false);
            }
        } catch (DateTimeParseException e) {
            throw new SesFormatException("timeInfo is not a time: " + e.getMessage());
        }
        throw new SesFormatException("timeInfo is neither a time nor a time-stamp token");
    }

    private static Instant parse(String text, String pattern, boolean twoDigitYear) {
        LocalDateTime time = LocalDateTime.parse(text, DateTimeFormatter.ofPattern(pattern));
        if (twoDigitYear && time.getYear() >= 2050) {
            time = time.minusYears(100); // RFC 5280 4.1.2.5.1: YY >= 50 is 19YY
        }
        return time.toInstant(ZoneOffset.UTC);
    }

    public SesVersion layout() {
        return layout;
    }

    public int version() {
        return version;
    }

    public SesSeal seal() {
        return seal;
    }

    /** The signing time (签章时间) the signature claims. */
    public Instant time() {
        return time;
    }

    public byte[] dataHash() {
        return dataHash.clone();
    }

    public String propertyInfo() {
        return propertyInfo;
    }

    /** v1 only: the signer's certificate inside TBS_Sign; null for v4, where it is beside it. */
    public byte[] signerCertificate() {
        return signerCertificate == null ? null : signerCertificate.clone();
    }

    /** v1 only; null for v4. */
    public ASN1ObjectIdentifier signatureAlgorithm() {
        return signatureAlgorithm;
    }

    @Override
    public ASN1Primitive toASN1Primitive() {
        if (source != null) {
            return source;
        }
        ASN1EncodableVector v = new ASN1EncodableVector(7);
        v.add(new ASN1Integer(version));
        v.add(seal);
        if (layout == SesVersion.V4) {
            v.add(SesDer.generalizedTime(time));
            v.add(new DERBitString(dataHash));
            v.add(new DERIA5String(propertyInfo));
            if (extDatas != null) {
                v.add(new DERTaggedObject(true, 0, extDatas));
            }
        } else {
            v.add(new DERBitString(timeInfo));
            v.add(new DERBitString(dataHash));
            v.add(new DERIA5String(propertyInfo));
            v.add(new DEROctetString(signerCertificate));
            v.add(signatureAlgorithm);
        }
        return new DERSequence(v);
    }
}
