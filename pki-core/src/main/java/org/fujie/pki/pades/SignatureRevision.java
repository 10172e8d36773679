package org.fujie.pki.pades;

import java.io.IOException;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.pki.ltv.SigningServiceException;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.pdf.PdfFormatException;
import org.fujie.pki.pdf.PdfLoader;
import org.fujie.pki.tsp.TimeStamper;

/**
 * The first incremental update of a stamping: a signature field whose widget shows the seal (one widget: what is seen is
 * what is signed), the signature dictionary (SubFilter ETSI.CAdES.detached, /M the signing time) and the CMS over the
 * byte range. Earlier revisions are left byte for byte, so earlier signatures stay valid.
 */
final class SignatureRevision {

    /** Room in /Contents beside the certificates: signed attributes, a signature of up to RSA-4096, the CMS framing. */
    private static final int CMS_OVERHEAD = 4 * 1024;

    /** Room for a signature time-stamp token carrying its TSA's chain. */
    private static final int TIME_STAMP_ROOM = 16 * 1024;

    /** The signed document and the signature time-stamp token its CMS carries (null at B-B). */
    record Result(PdfBytes pdf, byte[] signatureTimeStamp) {
    }

    /** Decoded streams of one document to sign may take this much memory. */
    private static final long MAX_STREAM_MEMORY = 512L * 1024 * 1024;

    private SignatureRevision() {
    }

    /** Strictly: a damaged document that PDFBox would rebuild is refused, not signed as PDFBox happens to read it. */
    private static PDDocument open(PdfBytes pdf) throws PadesException, IOException {
        if (!pdf.endsWithEof()) {
            throw new PadesException("the document is truncated or damaged: it does not end with %%EOF (ISO 32000-1 7.5.5)");
        }
        try {
            return PdfLoader.load(pdf.open(), MAX_STREAM_MEMORY);
        } catch (PdfFormatException e) {
            throw new PadesException(e.getMessage(), e);
        }
    }

    /**
     * The /Contents reserved: what the CMS needs and little more, since PDFBox writes the reserved zeros as hex byte by
     * byte and every stamp pays for them.
     */
    private static int contentsSize(List<X509CertificateHolder> chain, boolean timeStamped) throws IOException {
        int size = CMS_OVERHEAD + (timeStamped ? TIME_STAMP_ROOM : 0);
        for (X509CertificateHolder certificate : chain) {
            size += certificate.getEncoded().length;
        }
        return size;
    }

    static Result append(PdfBytes pdf, PdfOutput output, SigningKey key, List<X509CertificateHolder> chain, PadesParameters parameters,
            TimeStamper timeStamper) throws PadesException, SigningServiceException {
        SealAppearance appearance = parameters.appearance();
        try (PDDocument document = open(pdf)) {
            Certification.check(document, parameters.certify());
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
            signature.setName(org.fujie.pki.x509.SubjectNames.format(chain.get(0).getSubject()));
            if (parameters.reason() != null) {
                signature.setReason(parameters.reason());
            }
            Calendar time = (Calendar) parameters.signingTime().clone();
            time.setTimeZone(TimeZone.getTimeZone("UTC"));
            signature.setSignDate(time);
            if (parameters.certify() != null) {
                Certification.certify(document, signature, parameters.certify());
            }
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(contentsSize(chain, timeStamper != null));
                SealWidgets.Prepared seal = appearance == null ? null : SealWidgets.prepare(document, appearance);
                if (seal != null) {
                    options.setPage(seal.firstPage());
                }
                document.addSignature(signature, options);
                if (seal != null) {
                    seal.applyTo(document, signature);
                }
                ExternalSigningSupport external = document.saveIncrementalForExternalSigning(output.stream());
                PadesCms.Signed cms = PadesCms.sign(external.getContent(), key, chain, timeStamper);
                external.setSignature(cms.cms());
                return new Result(output.written(), cms.signatureTimeStamp());
            }
        } catch (IOException e) {
            throw new PadesException("the document cannot be signed: " + e.getMessage(), e);
        }
    }
}
