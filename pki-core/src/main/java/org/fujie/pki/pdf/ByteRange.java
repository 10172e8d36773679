package org.fujie.pki.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A signature's /ByteRange checked against the raw file, the defence against universal signature forgery
 * and signature wrapping: exactly two ranges, the first from offset 0, the gap between them holding exactly
 * this dictionary's /Contents as one hex string and nothing else, and the second ending a revision (at
 * %%EOF). Digests are computed here over the raw bytes, never over what a parser made of them.
 *
 * @param signedLength where the signed revision ends (offset of its last byte + 1)
 * @param coversWholeDocument whether nothing but end-of-line characters follow the signed revision
 */
record ByteRange(long[] range, long signedLength, boolean coversWholeDocument) {

    /** Checks the range; throws with the reason when it is missing, malformed or wraps other content. */
    static ByteRange check(byte[] file, int length, long[] range, byte[] contents) throws PdfFormatException {
        if (contents == null || contents.length == 0) {
            throw new PdfFormatException("the signature dictionary has no /Contents string");
        }
        if (range == null) {
            throw new PdfFormatException("the signature dictionary has no /ByteRange of four integers");
        }
        long a = range[0];
        long b = range[1];
        long c = range[2];
        long d = range[3];
        if (a != 0 || b <= 0 || c <= b + 1 || d < 0 || c + d > length) {
            throw new PdfFormatException("/ByteRange " + Arrays.toString(range) + " does not describe two ranges from offset 0"
                    + " within the file of " + length + " bytes");
        }
        if (file[(int) b] != '<' || file[(int) c - 1] != '>') {
            throw new PdfFormatException("/ByteRange " + Arrays.toString(range)
                    + " leaves out more than the /Contents hex string (signature wrapping?)");
        }
        byte[] hex = Arrays.copyOfRange(file, (int) b + 1, (int) c - 1);
        byte[] gap;
        try {
            gap = HexFormat.of().parseHex(new String(hex, java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new PdfFormatException("the bytes the /ByteRange leaves out are not one hex string (signature wrapping?)");
        }
        if (!Arrays.equals(gap, contents)) {
            throw new PdfFormatException("the bytes the /ByteRange leaves out are not this signature's /Contents"
                    + " (signature wrapping?)");
        }
        long end = c + d;
        if (!endsRevision(file, end)) {
            throw new PdfFormatException("the signed bytes do not end at a revision's %%EOF (offset " + end + ")");
        }
        boolean whole = true;
        for (long i = end; i < length; i++) {
            if (file[(int) i] != '\r' && file[(int) i] != '\n') {
                whole = false;
                break;
            }
        }
        return new ByteRange(range.clone(), end, whole);
    }

    /** Writes the signed bytes (both ranges) to the digest's stream. */
    void writeTo(byte[] file, OutputStream out) throws IOException {
        out.write(file, (int) range[0], (int) range[1]);
        out.write(file, (int) range[2], (int) range[3]);
    }

    /** Whether the bytes before the offset end with %%EOF and at most one end of line. */
    private static boolean endsRevision(byte[] file, long end) {
        int i = (int) end;
        int eol = 0;
        while (i > 0 && (file[i - 1] == '\r' || file[i - 1] == '\n') && eol < 2) {
            i--;
            eol++;
        }
        byte[] marker = "%%EOF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return i >= marker.length && Arrays.equals(file, i - marker.length, i, marker, 0, marker.length);
    }
}
