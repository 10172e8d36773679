package org.fujie.pki.ses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;

/**
 * An electronic seal (电子印章), signed by its maker (制章者).
 * <ul>
 * <li>GB/T 38540 (v4): SESeal ::= SEQUENCE { eSealInfo SES_SealInfo, cert OCTET STRING, signAlgID OBJECT IDENTIFIER,
 * signedValue BIT STRING }. GM/T 0031-2025 adds timeStamp [0] BIT STRING OPTIONAL: tolerated, not verified.</li>
 * <li>GM/T 0031-2014 (v1): SESeal ::= SEQUENCE { esealInfo SES_SealInfo, signInfo SES_SignInfo ::= SEQUENCE { cert OCTET
 * STRING, signatureAlgorithm OBJECT IDENTIFIER, signData BIT STRING } }.</li>
 * </ul>
 * Which version by form: an OCTET STRING second means v4, a SEQUENCE v1.
 */
public final class SesSeal extends ASN1Object {

    private final SesVersion version;
    private final SesSealInfo sealInfo;
    private final byte[] makerCertificate;
    private final ASN1ObjectIdentifier signatureAlgorithm;
    private final byte[] signedValue;
    /** The structure as read, when read (see SesSealInfo). */
    private final ASN1Primitive source;

    public SesSeal(SesVersion version, SesSealInfo sealInfo, byte[] makerCertificate, ASN1ObjectIdentifier signatureAlgorithm,
            byte[] signedValue) {
        this(version, sealInfo, makerCertificate, signatureAlgorithm, signedValue, null);
    }

    private SesSeal(SesVersion version, SesSealInfo sealInfo, byte[] makerCertificate, ASN1ObjectIdentifier signatureAlgorithm,
            byte[] signedValue, ASN1Primitive source) {
        this.source = source;
        this.version = Objects.requireNonNull(version, "version");
        this.sealInfo = Objects.requireNonNull(sealInfo, "sealInfo");
        this.makerCertificate = makerCertificate.clone();
        this.signatureAlgorithm = Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        this.signedValue = signedValue.clone();
    }

    /** Reads a DER seal (an exported .esl / .seal file) within the size limit. */
    public static SesSeal parse(byte[] der, int maxBytes) {
        return getInstance(DerInput.read(der, maxBytes, "seal"));
    }

    public static SesSeal getInstance(Object object) {
        if (object instanceof SesSeal seal) {
            return seal;
        }
        ASN1Sequence s = SesDer.sequence(object, "SESeal", 2, 5);
        ASN1Encodable second = s.getObjectAt(1);
        if (second.toASN1Primitive() instanceof ASN1Sequence signInfo) {
            if (s.size() != 2) {
                throw new SesFormatException("a GM/T 0031-2014 SESeal has 2 fields, this one " + s.size());
            }
            ASN1Sequence i = SesDer.sequence(signInfo, "SES_SignInfo", 3, 3);
            return new SesSeal(SesVersion.V1, SesSealInfo.getInstance(s.getObjectAt(0)), SesDer.octets(i.getObjectAt(0), "maker cert"),
                    SesDer.oid(i.getObjectAt(1), "signatureAlgorithm"), SesDer.bits(i.getObjectAt(2), "signData"), s);
        }
        if (!(second.toASN1Primitive() instanceof ASN1OctetString) || s.size() < 4
                || (s.size() == 5 && !(s.getObjectAt(4) instanceof ASN1TaggedObject))) {
            throw new SesFormatException("SESeal is neither GB/T 38540 (info, cert, algorithm, value) nor GM/T 0031-2014 (info, signInfo)");
        }
        return new SesSeal(SesVersion.V4, SesSealInfo.getInstance(s.getObjectAt(0)), SesDer.octets(second, "maker cert"),
                SesDer.oid(s.getObjectAt(2), "signAlgID"), SesDer.bits(s.getObjectAt(3), "signedValue"), s);
    }

    public SesVersion version() {
        return version;
    }

    public SesSealInfo sealInfo() {
        return sealInfo;
    }

    /** The maker's certificate, DER. */
    public byte[] makerCertificate() {
        return makerCertificate.clone();
    }

    public ASN1ObjectIdentifier signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public byte[] signedValue() {
        return signedValue.clone();
    }

    /**
     * What the maker signs as Fujie reads the standards: v4, the DER of SES_SealInfo (GB/T 38540 7.1 as GM/T 0031-2025
     * restates it, ofdrw, Chingliu/gm_0031_38540_verifier); v1, the DER of SEQUENCE { SES_SealInfo, cert, signatureAlgorithm }
     * (GM/T 0031-2014's "按SEQUENCE方式组成的信息内容", ofdrw v1).
     */
    public byte[] signedContent() {
        return version == SesVersion.V4 ? der(sealInfo) : der(infoCertAlgorithm());
    }

    /** The other reading, which some texts of each version suggest; the verifier accepts it and says so. */
    public byte[] alternativeSignedContent() {
        return version == SesVersion.V4 ? der(infoCertAlgorithm()) : der(sealInfo);
    }

    private DERSequence infoCertAlgorithm() {
        return new DERSequence(new ASN1Encodable[] {sealInfo, new DEROctetString(makerCertificate), signatureAlgorithm});
    }

    static byte[] der(ASN1Encodable object) {
        try {
            return object.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ASN1Primitive toASN1Primitive() {
        if (source != null) {
            return source;
        }
        ASN1EncodableVector v = new ASN1EncodableVector(4);
        v.add(sealInfo);
        if (version == SesVersion.V4) {
            v.add(new DEROctetString(makerCertificate));
            v.add(signatureAlgorithm);
            v.add(new DERBitString(signedValue));
        } else {
            v.add(new DERSequence(new ASN1Encodable[] {new DEROctetString(makerCertificate), signatureAlgorithm,
                    new DERBitString(signedValue)}));
        }
        return new DERSequence(v);
    }
}
