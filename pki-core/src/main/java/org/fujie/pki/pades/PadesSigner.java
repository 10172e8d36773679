package org.fujie.pki.pades;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.ltv.LongTermData;
import org.fujie.pki.ltv.LongTermDataCollector;
import org.fujie.pki.ltv.SigningServiceException;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.tsp.TimeStamper;

/**
 * Signs a PDF with a PAdES baseline signature (ETSI EN 319 142-1) at the level asked, each step an incremental update
 * so earlier signatures stay valid: B-B the signature, B-T with a signature time-stamp in its CMS, B-LT adding the
 * Document Security Store with the signer's and the TSA's paths and revocation data, B-LTA adding a document
 * time-stamp over all of it. The signer knows no policy: who may stamp, with which seal, is decided before it is called.
 */
public final class PadesSigner {

    private final TimeStamper timeStamper;
    private final LongTermDataCollector longTermData;

    /**
     * @param timeStamper the TSA for B-T and above, or null
     * @param longTermData the validation-data source for B-LT and above, or null
     */
    public PadesSigner(TimeStamper timeStamper, LongTermDataCollector longTermData) {
        this.timeStamper = timeStamper;
        this.longTermData = longTermData;
    }

    /** A signer of B-B signatures only: no TSA, no validation data. */
    public static PadesSigner baselineB() {
        return new PadesSigner(null, null);
    }

    /**
     * Signs a document in memory: the fastest way for the small documents most stamps are.
     *
     * @param chain the signing certificate first, then its issuers (all are embedded)
     * @throws PadesException for a document that cannot be signed (unreadable, damaged, encrypted, no such page, off
     *         the page) or a level this signer was not given the means for
     * @throws SigningServiceException when the TSA or the validation of a certificate fails
     */
    public byte[] sign(byte[] pdf, SigningKey key, List<X509CertificateHolder> chain, PadesParameters parameters)
            throws PadesException, SigningServiceException {
        long expected = pdf.length + 128 * 1024;
        return sign(PdfBytes.of(pdf), () -> PdfOutput.memory(expected), () -> PdfOutput.memory(expected), key, chain, parameters)
                .bytes();
    }

    /**
     * Signs a document in a file into another, with memory bounded whatever the document's size: PDFBox reads the input
     * by random access and the original bytes stream through to the output. The steps of B-LT and B-LTA go through
     * temporary files beside the output, deleted afterwards; on failure the output is deleted too.
     */
    public void sign(Path in, Path out, SigningKey key, List<X509CertificateHolder> chain, PadesParameters parameters)
            throws PadesException, SigningServiceException {
        List<Path> temporary = new ArrayList<>();
        boolean done = false;
        try {
            Path directory = out.toAbsolutePath().getParent();
            sign(PdfBytes.of(in), () -> PdfOutput.file(out), () -> {
                Path step = Files.createTempFile(directory, "fujie-pades-", ".pdf");
                temporary.add(step);
                return PdfOutput.file(step);
            }, key, chain, parameters);
            done = true;
        } finally {
            for (Path step : temporary) {
                deleteQuietly(step);
            }
            if (!done) {
                deleteQuietly(out);
            }
        }
    }

    /** Where a step writes: the final output, or an intermediate one of B-LT and B-LTA. */
    @FunctionalInterface
    private interface Outputs {
        PdfOutput next() throws IOException;
    }

    private PdfBytes sign(PdfBytes pdf, Outputs last, Outputs intermediate, SigningKey key, List<X509CertificateHolder> chain,
            PadesParameters parameters) throws PadesException, SigningServiceException {
        BaselineLevel level = parameters.level();
        boolean timeStamped = level.compareTo(BaselineLevel.B_T) >= 0;
        boolean longTerm = level.compareTo(BaselineLevel.B_LT) >= 0;
        if (timeStamped && timeStamper == null || longTerm && longTermData == null) {
            throw new PadesException("level " + level.label() + " is not available: no "
                    + (timeStamper == null ? "time-stamp authority" : "validation-data source") + " is configured");
        }
        try (PdfOutput first = longTerm ? intermediate.next() : last.next()) {
            SignatureRevision.Result signed = SignatureRevision.append(pdf, first, key, chain, parameters, timeStamped ? timeStamper : null);
            if (!longTerm) {
                return signed.pdf();
            }
            List<X509Certificate> path = x509(chain);
            LongTermData data = longTermData.collect(path.get(0), path.subList(1, path.size()), null)
                    .plus(longTermData.collectForTimeStamp(signed.signatureTimeStamp(), path));
            boolean archive = level == BaselineLevel.B_LTA;
            PdfBytes withDss;
            try (PdfOutput second = archive ? intermediate.next() : last.next()) {
                withDss = DssRevision.append(signed.pdf(), second, data);
            }
            if (!archive) {
                return withDss;
            }
            try (PdfOutput third = last.next()) {
                return DocumentTimeStampRevision.append(withDss, third, timeStamper);
            }
        } catch (IOException e) {
            throw new PadesException("the document cannot be signed: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file left behind is not worth failing the signature for
        }
    }

    private static List<X509Certificate> x509(List<X509CertificateHolder> holders) {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(CryptoProviders.bouncyCastle());
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            for (X509CertificateHolder holder : holders) {
                certificates.add(converter.getCertificate(holder));
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("a certificate of the chain cannot be read: " + e.getMessage(), e);
        }
        return certificates;
    }
}
