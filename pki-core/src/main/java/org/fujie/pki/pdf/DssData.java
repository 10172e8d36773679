package org.fujie.pki.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.fujie.pki.cms.ValidationData;
import org.fujie.pki.x509.Pem;

/**
 * The validation data a document carries in its Document Security Store (ETSI EN 319 142-1 5.4.2: /DSS
 * with /Certs, /CRLs, /OCSPs; the /VRI entries only index the same streams). Unreadable entries are skipped:
 * they are untrusted input that can only help, never decide, since each is verified where it is used.
 */
final class DssData {

    /** The url of every revocation finding taken from the DSS. */
    static final String URL = "embedded:DSS";

    private static final int MAX_ENTRY_BYTES = 10 * 1024 * 1024;

    private DssData() {
    }

    static ValidationData read(PDDocument document) {
        COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
        if (dss == null) {
            return ValidationData.EMPTY;
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (byte[] bytes : streams(dss, "Certs")) {
            try {
                certificates.add(Pem.parseCertificate(bytes));
            } catch (RuntimeException e) {
                // skipped: see the class comment
            }
        }
        List<X509CRLHolder> crls = new ArrayList<>();
        for (byte[] bytes : streams(dss, "CRLs")) {
            try {
                crls.add(new X509CRLHolder(bytes));
            } catch (IOException | RuntimeException e) {
                // skipped
            }
        }
        List<BasicOCSPResp> ocsps = new ArrayList<>();
        for (byte[] bytes : streams(dss, "OCSPs")) {
            try {
                if (new OCSPResp(bytes).getResponseObject() instanceof BasicOCSPResp basic) {
                    ocsps.add(basic);
                }
            } catch (Exception e) {
                // skipped
            }
        }
        return new ValidationData(certificates, crls, ocsps);
    }

    private static List<byte[]> streams(COSDictionary dss, String key) {
        List<byte[]> found = new ArrayList<>();
        if (!(dss.getDictionaryObject(COSName.getPDFName(key)) instanceof COSArray array)) {
            return found;
        }
        for (COSBase item : array) {
            COSBase base = item instanceof COSObject o ? o.getObject() : item;
            if (base instanceof COSStream stream) {
                try (InputStream in = stream.createInputStream()) {
                    byte[] bytes = in.readNBytes(MAX_ENTRY_BYTES + 1);
                    if (bytes.length <= MAX_ENTRY_BYTES) {
                        found.add(bytes);
                    }
                } catch (IOException | RuntimeException e) {
                    // skipped
                }
            }
        }
        return found;
    }
}
