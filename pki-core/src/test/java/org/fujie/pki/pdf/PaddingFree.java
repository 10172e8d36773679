package org.fujie.pki.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

/** Measures the DER size inside each signature's /Contents, in field order (see {@link DssPdf#sign}). */
final class PaddingFree {

    private PaddingFree() {
    }

    static int[] sizes(byte[] pdf) {
        return contents(pdf).stream().mapToInt(c -> CmsSignatureCheck.withoutPadding(c).length).toArray();
    }

    static boolean unpadded(byte[] pdf) {
        return contents(pdf).stream().allMatch(c -> CmsSignatureCheck.withoutPadding(c).length == c.length);
    }

    private static List<byte[]> contents(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<byte[]> all = new ArrayList<>();
            for (PDSignature signature : document.getSignatureDictionaries()) {
                all.add(signature.getContents());
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
