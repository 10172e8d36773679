package org.fujie.pki.ses;

import java.io.IOException;
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
import org.bouncycastle.asn1.ASN1InputStream;
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
 * Defensive reading of the seal structures: one DER object within a size limit (Bouncy Castle's ASN1InputStream bounded,
 * so a length field cannot make it allocate more), and typed access to sequence elements that fails as
 * {@link SesFormatException} naming the field, whatever Bouncy Castle throws.
 */
final class SesDer {

    private static final DateTimeFormatter GENERALIZED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private SesDer() {
    }

    static ASN1Primitive read(byte[] der, int maxBytes, String what) {
        if (der == null || der.length == 0) {
            throw new SesFormatException("no " + what + " given");
        }
        if (der.length > maxBytes) {
            throw new SesFormatException("the " + what + " is larger than " + maxBytes + " bytes");
        }
        checkStructure(der, what);
        // Bounded by the array's length: a length field larger than what is there fails instead of allocating.
        try (ASN1InputStream in = new ASN1InputStream(der)) {
            ASN1Primitive object = in.readObject();
            if (object == null || in.available() > 0) {
                throw new SesFormatException("the " + what + " is not one DER object");
            }
            return object;
        } catch (IOException | RuntimeException e) {
            if (e instanceof SesFormatException format) {
                throw format;
            }
            throw new SesFormatException("the " + what + " is not well-formed DER: " + e.getMessage(), e);
        }
    }

    /** The deepest nesting read: the standards' structures are about ten deep, a certificate list entry a few more. */
    static final int MAX_DEPTH = 32;

    /**
     * Walks the TLV headers without recursion before any parser sees the bytes: definite lengths only (DER), each within its
     * parent, nesting at most {@link #MAX_DEPTH}, so hostile nesting cannot overflow a parser's stack.
     */
    static void checkStructure(byte[] der, String what) {
        int[] ends = new int[MAX_DEPTH + 1];
        int depth = 0;
        ends[0] = der.length;
        int pos = 0;
        while (pos < der.length) {
            while (depth > 0 && pos == ends[depth]) {
                depth--;
            }
            int tag = der[pos++] & 0xff;
            if ((tag & 0x1f) == 0x1f) {
                while (pos < der.length && (der[pos] & 0x80) != 0) {
                    pos++;
                }
                pos++;
            }
            if (pos >= der.length) {
                throw new SesFormatException("the " + what + " ends inside a tag");
            }
            int first = der[pos++] & 0xff;
            long length = first;
            if (first > 0x80) {
                int count = first & 0x7f;
                if (count > 4 || pos + count > der.length) {
                    throw new SesFormatException("the " + what + " has an impossible length");
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (der[pos++] & 0xff);
                }
            } else if (first == 0x80) {
                throw new SesFormatException("the " + what + " uses an indefinite length, which DER does not allow");
            }
            if (pos + length > ends[depth]) {
                throw new SesFormatException("the " + what + " is truncated: a length runs past its container");
            }
            if ((tag & 0x20) != 0 && length > 0) {
                if (depth == MAX_DEPTH) {
                    throw new SesFormatException("the " + what + " nests deeper than " + MAX_DEPTH);
                }
                ends[++depth] = pos + (int) length;
            } else {
                pos += (int) length;
            }
        }
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

    static String utcTimeText(Instant time) {
        return UTC.format(time.truncatedTo(ChronoUnit.SECONDS));
    }
}
