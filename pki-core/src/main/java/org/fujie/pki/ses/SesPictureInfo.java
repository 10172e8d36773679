package org.fujie.pki.ses;

import java.util.Objects;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;

/**
 * SES_ESPictrueInfo (so spelt in both standards) ::= SEQUENCE { type IA5String ("PNG", "GIF", "SVG"...),
 * data OCTET STRING, width INTEGER, height INTEGER }, width and height in millimetres; the same in both versions.
 */
public final class SesPictureInfo extends ASN1Object {

    private final String type;
    private final byte[] data;
    private final long widthMm;
    private final long heightMm;

    public SesPictureInfo(String type, byte[] data, long widthMm, long heightMm) {
        this.type = Objects.requireNonNull(type, "type");
        this.data = Objects.requireNonNull(data, "data").clone();
        if (!DERIA5String.isIA5String(type) || type.isEmpty()) {
            throw new IllegalArgumentException("the picture type must be IA5 (ASCII) text, e.g. PNG");
        }
        if (data.length == 0 || widthMm <= 0 || heightMm <= 0) {
            throw new IllegalArgumentException("a picture needs data and a positive width and height");
        }
        this.widthMm = widthMm;
        this.heightMm = heightMm;
    }

    public static SesPictureInfo getInstance(Object object) {
        if (object instanceof SesPictureInfo picture) {
            return picture;
        }
        ASN1Sequence s = SesDer.sequence(object, "SES_ESPictrueInfo", 4, 4);
        try {
            return new SesPictureInfo(SesDer.ia5(s.getObjectAt(0), "picture type"), SesDer.octets(s.getObjectAt(1), "picture data"),
                    SesDer.longInteger(s.getObjectAt(2), "picture width"), SesDer.longInteger(s.getObjectAt(3), "picture height"));
        } catch (SesFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SesFormatException("SES_ESPictrueInfo: " + e.getMessage());
        }
    }

    public String type() {
        return type;
    }

    public byte[] data() {
        return data.clone();
    }

    public long widthMm() {
        return widthMm;
    }

    public long heightMm() {
        return heightMm;
    }

    @Override
    public ASN1Primitive toASN1Primitive() {
        ASN1EncodableVector v = new ASN1EncodableVector(4);
        v.add(new DERIA5String(type));
        v.add(new DEROctetString(data));
        v.add(new ASN1Integer(widthMm));
        v.add(new ASN1Integer(heightMm));
        return new DERSequence(v);
    }
}
