package org.fujie.pki.ses;

import java.io.IOException;

import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * Untrusted bytes in: one DER object within a size limit, its TLV structure walked without recursion before Bouncy
 * Castle parses it (whose ASN1InputStream is then bounded by the array, so a length field cannot make it allocate more).
 */
final class DerInput {

    private DerInput() {
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
}
