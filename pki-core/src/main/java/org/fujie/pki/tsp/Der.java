package org.fujie.pki.tsp;

/**
 * Assembles DER from parts that are already DER: a tag, a definite length, the parts in order. Used
 * only for the outer layers of a token, so certificates encoded once are copied, not re-encoded.
 */
final class Der {

    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;
    static final int OCTET_STRING = 0x04;
    /** [0], constructed: EXPLICIT [0] around one value, or IMPLICIT [0] of a SET OF. */
    static final int CONTEXT_0 = 0xa0;

    private Der() {
    }

    static byte[] tlv(int tag, byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        int lengthOctets = length < 0x80 ? 0 : (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
        byte[] out = new byte[2 + lengthOctets + length];
        out[0] = (byte) tag;
        if (lengthOctets == 0) {
            out[1] = (byte) length;
        } else {
            out[1] = (byte) (0x80 | lengthOctets);
            for (int i = 0; i < lengthOctets; i++) {
                out[2 + i] = (byte) (length >>> (8 * (lengthOctets - 1 - i)));
            }
        }
        int offset = 2 + lengthOctets;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, offset, part.length);
            offset += part.length;
        }
        return out;
    }
}
