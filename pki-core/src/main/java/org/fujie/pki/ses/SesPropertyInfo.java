package org.fujie.pki.ses;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * SES_ESPropertyInfo. GB/T 38540 (v4): SEQUENCE { type INTEGER, name UTF8String, certListType INTEGER, certList
 * SES_CertList, createDate, validStart, validEnd GeneralizedTime }. GM/T 0031-2014 (v1): SEQUENCE { type INTEGER, name
 * UTF8String, certList SEQUENCE OF OCTET STRING, createDate, validStart, validEnd UTCTime }: no certListType (ofdrw's
 * v1 model and the Chingliu/gm_0031_38540_verifier templates agree). Read by field count (7 or 6), either time type taken.
 */
public final class SesPropertyInfo extends ASN1Object {

    private final SesVersion layout;
    private final int type;
    private final String name;
    private final SesCertList certList;
    private final Instant createDate;
    private final Instant validStart;
    private final Instant validEnd;

    public SesPropertyInfo(SesVersion layout, int type, String name, SesCertList certList, Instant createDate, Instant validStart,
            Instant validEnd) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.type = type;
        this.name = Objects.requireNonNull(name, "name");
        this.certList = Objects.requireNonNull(certList, "certList");
        this.createDate = createDate.truncatedTo(ChronoUnit.SECONDS);
        this.validStart = validStart.truncatedTo(ChronoUnit.SECONDS);
        this.validEnd = validEnd.truncatedTo(ChronoUnit.SECONDS);
    }

    public static SesPropertyInfo getInstance(Object object) {
        if (object instanceof SesPropertyInfo property) {
            return property;
        }
        ASN1Sequence s = SesDer.sequence(object, "SES_ESPropertyInfo", 6, 7);
        int type = SesDer.integer(s.getObjectAt(0), "seal type");
        String name = SesDer.utf8(s.getObjectAt(1), "seal name");
        int next = 2;
        SesVersion layout = SesVersion.V1;
        SesCertList list;
        if (s.size() == 7) {
            layout = SesVersion.V4;
            int listType = SesDer.integer(s.getObjectAt(next++), "certListType");
            if (listType != 1 && listType != 2) {
                throw new SesFormatException("certListType " + listType + " is neither 1 (certificates) nor 2 (digests)");
            }
            list = SesCertList.getInstance(s.getObjectAt(next++));
            if (list.kind().type() != listType) {
                throw new SesFormatException("certListType " + listType + " does not match the list, which holds " + list.kind());
            }
        } else {
            list = SesCertList.getInstance(s.getObjectAt(next++));
        }
        return new SesPropertyInfo(layout, type, name, list, SesDer.time(s.getObjectAt(next), "createDate"),
                SesDer.time(s.getObjectAt(next + 1), "validStart"), SesDer.time(s.getObjectAt(next + 2), "validEnd"));
    }

    public SesVersion layout() {
        return layout;
    }

    public int type() {
        return type;
    }

    public String name() {
        return name;
    }

    public SesCertList certList() {
        return certList;
    }

    public Instant createDate() {
        return createDate;
    }

    public Instant validStart() {
        return validStart;
    }

    public Instant validEnd() {
        return validEnd;
    }

    @Override
    public ASN1Primitive toASN1Primitive() {
        ASN1EncodableVector v = new ASN1EncodableVector(7);
        v.add(new ASN1Integer(type));
        v.add(new DERUTF8String(name));
        if (layout == SesVersion.V4) {
            v.add(new ASN1Integer(certList.kind().type()));
            v.add(certList);
            v.add(SesDer.generalizedTime(createDate));
            v.add(SesDer.generalizedTime(validStart));
            v.add(SesDer.generalizedTime(validEnd));
        } else {
            v.add(certList);
            v.add(SesDer.utcTime(createDate));
            v.add(SesDer.utcTime(validStart));
            v.add(SesDer.utcTime(validEnd));
        }
        return new DERSequence(v);
    }
}
