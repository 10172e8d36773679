package org.fujie.seal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.fujie.pki.pdf.PdfReport;
import org.fujie.pki.pdf.PdfVerifier;
import org.fujie.pki.pdf.PdfVerifierSettings;
import org.fujie.pki.validation.JdkHttpFetcher;
import org.fujie.pki.validation.TrustAnchor;
import org.fujie.pki.validation.ValidationPolicy;
import org.fujie.pki.x509.Pem;

/** Judging stamped PDFs: pki-core's verifier online against ca-service, and which certificate signed. */
final class StampedPdfs {

    private StampedPdfs() {
    }

    /** Verified now, trusting the root of the chain file, revocation checked online (ca-service's OCSP and CRLs). */
    static PdfReport verifyOnline(byte[] pdf, Path trustChain) throws IOException {
        return PdfVerifier.online(Pem.parseCertificates(Files.readString(trustChain)).stream()
                        .filter(c -> c.getSubjectX500Principal().equals(c.getIssuerX500Principal()))
                        .map(TrustAnchor::forAllPurposes).toList(),
                ValidationPolicy.defaults(), JdkHttpFetcher.withDefaults(), Clock.systemUTC(), PdfVerifierSettings.defaults())
                .verify(pdf);
    }

    /** The serial number (lower-case hex) of the certificate named by the signer of the PDF's last signature. */
    static String lastSignerSerial(byte[] pdf) throws IOException, CMSException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getLastSignatureDictionary();
            // /Contents is zero-padded after the DER: read the one object.
            CMSSignedData cms;
            try (ASN1InputStream in = new ASN1InputStream(signature.getContents(pdf))) {
                cms = new CMSSignedData(ContentInfo.getInstance(in.readObject()));
            }
            return cms.getSignerInfos().getSigners().iterator().next().getSID().getSerialNumber().toString(16);
        }
    }
}
