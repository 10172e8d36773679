package org.fujie.pki.ses;

import java.util.Objects;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;

/**
 * SES_Header ::= SEQUENCE { ID IA5String ("ES"), version INTEGER, Vid IA5String }, the same in GM/T 0031-2014 and
 * GB/T 38540-2020. The version number is read as written; the layout of the seal, not this number, says which version
 * the rest is in (writers disagree on the number GM/T 0031 seals carry).
 */
public final class SesHeader extends ASN1Object {

    public static final String ID = "ES";

    private final int version;
    private final String vendorId;

    public SesHeader(int version, String vendorId) {
        this.version = version;
        this.vendorId = Objects.requireNonNull(vendorId, "vendorId");
        if (!DERIA5String.isIA5String(vendorId)) {
            throw new IllegalArgumentException("the vendor id must be IA5 (ASCII) text");
        }
    }

    public static SesHeader getInstance(Object object) {
        if (object instanceof SesHeader header) {
            return header;
        }
        ASN1Sequence sequence = SesDer.sequence(object, "SES_Header", 3, 3);
        if (!ID.equals(SesDer.ia5(sequence.getObjectAt(0), "SES_Header.ID"))) {
            throw new SesFormatException("SES_Header.ID is not \"ES\"");
        }
        return new SesHeader(SesDer.integer(sequence.getObjectAt(1), "SES_Header.version"),
                SesDer.ia5(sequence.getObjectAt(2), "SES_Header.Vid"));
    }

    public int version() {
        return version;
    }

    public String vendorId() {
        return vendorId;
    }

    @Override
    public ASN1Primitive toASN1Primitive() {
        ASN1EncodableVector v = new ASN1EncodableVector(3);
        v.add(new DERIA5String(ID));
        v.add(new ASN1Integer(version));
        v.add(new DERIA5String(vendorId));
        return new DERSequence(v);
    }
}
