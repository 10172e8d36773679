package org.fujie.pki.pdf;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Refuses a document with a stream that inflates beyond the limit (a zip bomb) before any parser decodes
 * anything: PDFBox decodes object streams into memory while it opens a file, so the check runs on the raw
 * bytes. After every "stream" keyword it inflates what follows (a Flate stream ends itself; anything else
 * fails within a few bytes), counting and discarding the output, up to a limit per stream and in total.
 * Not covered: Flate behind another filter (e.g. ASCIIHexDecode then FlateDecode); PDFBox's own limits apply.
 */
final class StreamBombCheck {

    private static final byte[] KEYWORD = "stream".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private StreamBombCheck() {
    }

    static void check(byte[] file, long maxPerStream, long maxTotal) throws PdfFormatException {
        long total = 0;
        byte[] sink = new byte[64 * 1024];
        Inflater inflater = new Inflater();
        try {
            for (int i = 0; i + KEYWORD.length < file.length; i++) {
                if (!startsKeyword(file, i)) {
                    continue;
                }
                int data = i + KEYWORD.length;
                if (file[data] == '\r') {
                    data++;
                }
                if (data >= file.length || file[data] != '\n') {
                    continue;
                }
                data++;
                inflater.reset();
                inflater.setInput(file, data, file.length - data);
                long size = 0;
                try {
                    int n;
                    while (!inflater.finished() && (n = inflater.inflate(sink)) > 0) {
                        size += n;
                        if (size > maxPerStream) {
                            throw new PdfFormatException("a stream at offset " + data + " inflates to more than "
                                    + maxPerStream + " bytes (a zip bomb?); the document is not examined further");
                        }
                    }
                } catch (DataFormatException e) {
                    // not Flate data (or broken): nothing to inflate here
                }
                total += size;
                if (total > maxTotal) {
                    throw new PdfFormatException("the document's streams inflate to more than " + maxTotal
                            + " bytes in total (a zip bomb?); the document is not examined further");
                }
                i = data;
            }
        } finally {
            inflater.end();
        }
    }

    /** "stream" as a keyword: not the end of "endstream", not inside a longer word. */
    private static boolean startsKeyword(byte[] file, int i) {
        if (i >= 3 && file[i - 3] == 'e' && file[i - 2] == 'n' && file[i - 1] == 'd') {
            return false;
        }
        for (int k = 0; k < KEYWORD.length; k++) {
            if (file[i + k] != KEYWORD[k]) {
                return false;
            }
        }
        return true;
    }
}
