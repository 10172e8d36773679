package org.fujie.pki.ses;

import java.math.BigInteger;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DERUTCTime;

/**
 * Typed access to the fields of the seal structures that fails as {@link SesFormatException} naming the field, whatever
 * Bouncy Castle throws; and the DER time forms Fujie writes.
 */
final class SesDer {

    private static final DateTimeFormatter GENERALIZED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private SesDer() {
    }

    static ASN1Sequence sequence(Object object, String what) {
        try {
            if (object instanceof ASN1Sequence sequence) {
                return sequence;
            }
            return ASN1Sequence.getInstance(object);
        } catch (RuntimeException e) {
            throw new SesFormatException(what + " is not a SEQUENCE");
        }
    }

    /** A sequence of exactly min..max elements. */
    static ASN1Sequence sequence(Object object, String what, int min, int max) {
        ASN1Sequence sequence = sequence(object, what);
        if (sequence.size() < min || sequence.size() > max) {
            throw new SesFormatException(what + " has " + sequence.size() + " fields, expected " + (min == max ? min : min + " to " + max));
        }
        return sequence;
    }

    static String ia5(ASN1Encodable object, String what) {
        try {
            return ASN1IA5String.getInstance(object).getString();
        } catch (RuntimeException e) {
            throw new SesFormatException(what + " is not an IA5String");
        }
    }

    static String utf8(ASN1Encodable object, String what) {
        try {
            return ASN1UTF8String.getInstance(object).getString();
        } catch (RuntimeException e) {
            throw new SesFormatException(what + " is not a UTF8String");
        }
    }

    static int integer(ASN1Encodable object, String what) {
        try {
            BigInteger value = ASN1Integer.getInstance(object).getValue();
            return value.intValueExact();
        } catch (RuntimeException e) {
            throw new SesFormatException(what + " is not an INTEGER of int size");
        }
    }

    static long longInteger(ASN1Encodable object, String what) {
        try {
            return ASN1Integer.getInstance(object).getValue().longValueExact();
        } catch (RuntimeException e) {
            throw new SesFormatException(what + " is not an INTEGER of long size");
        }
    }

    static byte[] octets(ASN1Encodable object, String what) {
        try {
            return ASN1OctetString.getInstance(object).getOctets();
        } catch (RuntimeException e) {
            throw new SesFormatException(what + " is not an OCTET STRING");
        }
    }

    /** A BIT STRING's octets; an OCTET STRING is taken too (some GM/T 0031 writers use one for timeInfo and dataHash). */
    static byte[] bits(ASN1Encodable object, String what) {
        ASN1Primitive primitive = object.toASN1Primitive();
        if (primitive instanceof ASN1OctetString octets) {
            return octets.getOctets();
        }
        try {
            ASN1BitString bits = ASN1BitString.getInstance(primitive);
            if (bits.getPadBits() != 0) {
                throw new SesFormatException(what + " is not a whole number of octets");
            }
            return bits.getOctets();
        } catch (SesFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SesFormatException(what + " is not a BIT STRING");
        }
    }

    static ASN1ObjectIdentifier oid(ASN1Encodable object, String what) {
        try {
            return ASN1ObjectIdentifier.getInstance(object);
        } catch (RuntimeException e) {
            throw new SesFormatException(what + " is not an OBJECT IDENTIFIER");
        }
    }

    /** GeneralizedTime (GB/T 38540) or UTCTime (GM/T 0031-2014), whichever the writer used. */
    static Instant time(ASN1Encodable object, String what) {
        ASN1Primitive primitive = object.toASN1Primitive();
        try {
            if (primitive instanceof ASN1GeneralizedTime generalized) {
                return generalized.getDate().toInstant();
            }
            if (primitive instanceof ASN1UTCTime utc) {
                return utc.getAdjustedDate().toInstant();
            }
        } catch (ParseException | RuntimeException e) {
            throw new SesFormatException(what + " is not a valid time: " + e.getMessage());
        }
        throw new SesFormatException(what + " is neither a GeneralizedTime nor a UTCTime");
    }

    /** Whole seconds, 'Z': the DER form (X.690 11.7) every reader takes. */
    static DERGeneralizedTime generalizedTime(Instant time) {
        return new DERGeneralizedTime(GENERALIZED.format(time.truncatedTo(ChronoUnit.SECONDS)));
    }

    static DERUTCTime utcTime(Instant time) {
        return new DERUTCTime(UTC.format(time.truncatedTo(ChronoUnit.SECONDS)));
    }
}
