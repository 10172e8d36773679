package org.fujie.pki.ses;

import java.util.Objects;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;

/**
 * Electronic signature data (电子签章数据).
 * <ul>
 * <li>GB/T 38540 (v4): SES_Signature ::= SEQUENCE { toSign TBS_Sign, cert OCTET STRING, signatureAlgID OBJECT IDENTIFIER,
 * signature BIT STRING, timeStamp [0] BIT STRING OPTIONAL }. The signature is over the DER of TBS_Sign; the time-stamp is
 * an RFC 3161 token (DER, in the BIT STRING) over the signature value. Fujie writes [0] EXPLICIT, as ofdrw does; reads
 * explicit, implicit, and an untagged BIT STRING in fifth place (Chingliu/gm_0031_38540_verifier's template).</li>
 * <li>GM/T 0031-2014 (v1): SES_Signature ::= SEQUENCE { toSign TBS_Sign, signature BIT STRING }; the certificate and
 * algorithm are inside TBS_Sign.</li>
 * </ul>
 */
public final class SesSignature extends ASN1Object {

    private final TbsSign toSign;
    private final byte[] signerCertificate;
    private final ASN1ObjectIdentifier signatureAlgorithm;
    private final byte[] signature;
    private final byte[] timeStamp;
    /** The structure as read, when read (see SesSealInfo). */
    private final ASN1Primitive source;

    /** A v4 signature; {@code timeStamp} (a DER TimeStampToken) may be null. */
    public SesSignature(TbsSign toSign, byte[] signerCertificate, ASN1ObjectIdentifier signatureAlgorithm, byte[] signature,
            byte[] timeStamp) {
        this(toSign, signerCertificate, signatureAlgorithm, signature, timeStamp, null);
        if (toSign.layout() != SesVersion.V4) {
            throw new IllegalArgumentException("Fujie writes GB/T 38540 (v4) signatures only");
        }
    }

    private SesSignature(TbsSign toSign, byte[] signerCertificate, ASN1ObjectIdentifier signatureAlgorithm, byte[] signature,
            byte[] timeStamp, ASN1Primitive source) {
        this.source = source;
        this.toSign = Objects.requireNonNull(toSign, "toSign");
        this.signerCertificate = signerCertificate.clone();
        this.signatureAlgorithm = Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        this.signature = signature.clone();
        this.timeStamp = timeStamp == null ? null : timeStamp.clone();
    }

    /** Reads a DER signature within the size limit. */
    public static SesSignature parse(byte[] der, int maxBytes) {
        return getInstance(DerInput.read(der, maxBytes, "signature"));
    }

    public static SesSignature getInstance(Object object) {
        if (object instanceof SesSignature signature) {
            return signature;
        }
        ASN1Sequence s = SesDer.sequence(object, "SES_Signature", 2, 5);
        TbsSign tbs = TbsSign.getInstance(s.getObjectAt(0));
        if (s.size() == 2) {
            if (tbs.layout() != SesVersion.V1) {
                throw new SesFormatException("a two-field SES_Signature (GM/T 0031-2014) needs the v1 TBS_Sign");
            }
            return new SesSignature(tbs, tbs.signerCertificate(), tbs.signatureAlgorithm(), SesDer.bits(s.getObjectAt(1), "signature"),
                    null, s);
        }
        if (s.size() == 3 || tbs.layout() != SesVersion.V4) {
            throw new SesFormatException("SES_Signature is neither GB/T 38540 (toSign, cert, algorithm, signature) nor GM/T 0031-2014");
        }
        byte[] token = s.size() == 5 ? timeStamp(s.getObjectAt(4)) : null;
        return new SesSignature(tbs, SesDer.octets(s.getObjectAt(1), "signer cert"), SesDer.oid(s.getObjectAt(2), "signatureAlgID"),
                SesDer.bits(s.getObjectAt(3), "signature"), token, s);
    }

    private static byte[] timeStamp(ASN1Encodable element) {
        if (!(element instanceof ASN1TaggedObject tagged)) {
            return SesDer.bits(element, "timeStamp");
        }
        if (tagged.getTagNo() != 0 || tagged.getTagClass() != BERTags.CONTEXT_SPECIFIC) {
            throw new SesFormatException("SES_Signature's fifth field is not timeStamp [0]");
        }
        try {
            // Explicit in DER is constructed around a BIT STRING; implicit is a primitive [0] with the BIT STRING's content.
            return SesDer.bits(tagged.getBaseUniversal(tagged.isExplicit(), BERTags.BIT_STRING), "timeStamp");
        } catch (SesFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SesFormatException("timeStamp [0] is not a BIT STRING");
        }
    }

    public SesVersion version() {
        return toSign.layout();
    }

    public TbsSign toSign() {
        return toSign;
    }

    /** The signer's (签章者) certificate, DER: beside TBS_Sign in v4, inside it in v1. */
    public byte[] signerCertificate() {
        return signerCertificate.clone();
    }

    public ASN1ObjectIdentifier signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public byte[] signature() {
        return signature.clone();
    }

    /** The RFC 3161 token over the signature value, DER; null when there is none. */
    public byte[] timeStamp() {
        return timeStamp == null ? null : timeStamp.clone();
    }

    /** What the signer signs: the DER of TBS_Sign, in both versions (GB/T 38540 7.2, GM/T 0031-2014, ofdrw, Chingliu). */
    public byte[] signedContent() {
        return SesSeal.der(toSign);
    }

    /** v4 only, the other reading: SEQUENCE { TBS_Sign, cert, signatureAlgID }, as the maker's v1 signature is formed. */
    public byte[] alternativeSignedContent() {
        return version() == SesVersion.V4 ? SesSeal.der(new DERSequence(new ASN1Encodable[] {toSign,
                new DEROctetString(signerCertificate), signatureAlgorithm})) : null;
    }

    @Override
    public ASN1Primitive toASN1Primitive() {
        if (source != null) {
            return source;
        }
        ASN1EncodableVector v = new ASN1EncodableVector(5);
        v.add(toSign);
        v.add(new DEROctetString(signerCertificate));
        v.add(signatureAlgorithm);
        v.add(new DERBitString(signature));
        if (timeStamp != null) {
            v.add(new DERTaggedObject(true, 0, new DERBitString(timeStamp)));
        }
        return new DERSequence(v);
    }
}
