package org.fujie.pki.ses;

import java.util.Objects;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;

/**
 * SES_SealInfo ::= SEQUENCE { header SES_Header, esID IA5String, property SES_ESPropertyInfo, picture SES_ESPictrueInfo,
 * extDatas ExtensionDatas OPTIONAL }, untagged in both versions. Extension data is kept as read (a SEQUENCE OF ExtData),
 * not interpreted: Fujie writes none.
 */
public final class SesSealInfo extends ASN1Object {

    private final SesHeader header;
    private final String esId;
    private final SesPropertyInfo property;
    private final SesPictureInfo picture;
    private final ASN1Sequence extDatas;
    /** The structure as read, when read: signatures are over what was received, not over Fujie's re-encoding of it. */
    private final ASN1Primitive source;

    public SesSealInfo(SesHeader header, String esId, SesPropertyInfo property, SesPictureInfo picture, ASN1Sequence extDatas) {
        this(header, esId, property, picture, extDatas, null);
    }

    private SesSealInfo(SesHeader header, String esId, SesPropertyInfo property, SesPictureInfo picture, ASN1Sequence extDatas,
            ASN1Primitive source) {
        this.source = source;
        this.header = Objects.requireNonNull(header, "header");
        this.esId = Objects.requireNonNull(esId, "esId");
        this.property = Objects.requireNonNull(property, "property");
        this.picture = Objects.requireNonNull(picture, "picture");
        this.extDatas = extDatas;
        if (!DERIA5String.isIA5String(esId) || esId.isEmpty()) {
            throw new IllegalArgumentException("the esID must be IA5 (ASCII) text");
        }
    }

    public static SesSealInfo getInstance(Object object) {
        if (object instanceof SesSealInfo info) {
            return info;
        }
        ASN1Sequence s = SesDer.sequence(object, "SES_SealInfo", 4, 5);
        ASN1Sequence ext = s.size() == 5 ? SesDer.sequence(s.getObjectAt(4), "SES_SealInfo.extDatas") : null;
        try {
            return new SesSealInfo(SesHeader.getInstance(s.getObjectAt(0)), SesDer.ia5(s.getObjectAt(1), "esID"),
                    SesPropertyInfo.getInstance(s.getObjectAt(2)), SesPictureInfo.getInstance(s.getObjectAt(3)), ext, s);
        } catch (SesFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SesFormatException("SES_SealInfo: " + e.getMessage());
        }
    }

    public SesHeader header() {
        return header;
    }

    public String esId() {
        return esId;
    }

    public SesPropertyInfo property() {
        return property;
    }

    public SesPictureInfo picture() {
        return picture;
    }

    /** The ExtensionDatas as read; null when absent. */
    public ASN1Sequence extDatas() {
        return extDatas;
    }

    @Override
    public ASN1Primitive toASN1Primitive() {
        if (source != null) {
            return source;
        }
        ASN1EncodableVector v = new ASN1EncodableVector(5);
        v.add(header);
        v.add(new DERIA5String(esId));
        v.add(property);
        v.add(picture);
        if (extDatas != null) {
            v.add(extDatas);
        }
        return new DERSequence(v);
    }
}
