package org.fujie.pki.pades;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.fujie.pki.ltv.SigningServiceException;
import org.fujie.pki.tsp.TimeStamper;

/**
 * Adds a document time-stamp (ETSI EN 319 142-1 5.4.3: /Type /DocTimeStamp, SubFilter ETSI.RFC3161, the token over
 * SHA-256 of the byte range) in an incremental update: what makes a B-LT document B-LTA, proving the document and its
 * validation data existed at that time.
 */
final class DocumentTimeStampRevision {

    /** A token with the TSA's certificate and chain fits easily. */
    private static final int TOKEN_SIZE = 12 * 1024;

    private DocumentTimeStampRevision() {
    }

    static PdfBytes append(PdfBytes pdf, PdfOutput output, TimeStamper timeStamper) throws IOException, SigningServiceException {
        try (PDDocument document = Loader.loadPDF(pdf.open())) {
            PDSignature timeStamp = new PDSignature();
            timeStamp.setType(COSName.DOC_TIME_STAMP);
            timeStamp.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            timeStamp.setSubFilter(COSName.getPDFName("ETSI.RFC3161"));
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(TOKEN_SIZE);
                document.addSignature(timeStamp, options);
                ExternalSigningSupport external = document.saveIncrementalForExternalSigning(output.stream());
                external.setSignature(token(external.getContent(), timeStamper));
                return output.written();
            }
        }
    }

    private static byte[] token(InputStream byteRange, TimeStamper timeStamper) throws IOException, SigningServiceException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = byteRange.read(buffer)) > 0;) {
            sha256.update(buffer, 0, n);
        }
        try {
            return timeStamper.timeStamp(NISTObjectIdentifiers.id_sha256, sha256.digest());
        } catch (TimeStamper.TimeStampException e) {
            throw new SigningServiceException("no document time-stamp: " + e.getMessage(), e);
        }
    }
}
