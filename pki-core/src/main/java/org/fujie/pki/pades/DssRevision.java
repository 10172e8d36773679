package org.fujie.pki.pades;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.fujie.pki.ltv.LongTermData;

/**
 * Adds validation data to the Document Security Store (ETSI EN 319 142-1 5.4.2) in an incremental update, so every
 * earlier signature's byte range is untouched: /DSS in the catalog, with /Certs, /CRLs and /OCSPs arrays of streams;
 * what is already there is kept and not repeated. No /VRI: the baseline levels do not need it.
 */
final class DssRevision {

    private DssRevision() {
    }

    static PdfBytes append(PdfBytes pdf, PdfOutput output, LongTermData data) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.open())) {
            COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
            COSDictionary dss = catalog.getCOSDictionary(COSName.getPDFName("DSS"));
            if (dss == null) {
                dss = new COSDictionary();
                catalog.setItem(COSName.getPDFName("DSS"), dss);
            }
            add(document, dss, "Certs", data.certificates());
            add(document, dss, "CRLs", data.crls());
            add(document, dss, "OCSPs", data.ocspResponses());
            catalog.setNeedToBeUpdated(true);
            dss.setNeedToBeUpdated(true);
            document.saveIncremental(output.stream());
            return output.written();
        }
    }

    private static void add(PDDocument document, COSDictionary dss, String key, List<byte[]> objects) throws IOException {
        COSArray array = dss.getDictionaryObject(COSName.getPDFName(key)) instanceof COSArray existing ? existing : new COSArray();
        Set<String> present = new HashSet<>();
        for (COSBase item : array) {
            if ((item instanceof COSObject o ? o.getObject() : item) instanceof COSStream stream) {
                try (InputStream in = stream.createInputStream()) {
                    present.add(sha256(in.readAllBytes()));
                }
            }
        }
        for (byte[] der : objects) {
            if (present.add(sha256(der))) {
                COSStream stream = document.getDocument().createCOSStream();
                try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                    out.write(der);
                }
                stream.setNeedToBeUpdated(true);
                array.add(stream);
            }
        }
        array.setNeedToBeUpdated(true);
        dss.setItem(COSName.getPDFName(key), array);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
