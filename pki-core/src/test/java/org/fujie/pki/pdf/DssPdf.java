package org.fujie.pki.pdf;

import java.security.Signature;
import java.util.Date;
import java.util.List;

import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.tsp.TimeStampAuthority;

import eu.europa.esig.dss.enumerations.CertificationPermission;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

/**
 * The EU DSS library as an independent PAdES signer and validator (test scope only), over the test CA's
 * certificates, pki-core's TSA (through DSS's TSPSource) and the test CA's CRLs.
 */
public final class DssPdf {

    /** DSS's verdict on the first signature. */
    record Verdict(Indication indication, SubIndication subIndication, SignatureLevel level, int signatures, String errors) {
    }

    private DssPdf() {
    }

    /**
     * Signs twice: DSS 6.3 reads /Contents with Bouncy Castle's CMSSignedData(byte[]), which since 1.8x refuses
     * the zero padding after the DER ("Extra data detected in stream"), and Fujie pins BC 1.87. So the first
     * signing measures the CMS (and document time-stamp) sizes and the second reserves exactly that much, which
     * RSA's fixed-length signatures make repeatable; a try that still pads is repeated.
     */
    static byte[] sign(byte[] pdf, PdfTestPki pki, Issued signer, SignatureLevel level, Date signingDate) {
        return sign(pdf, pki, signer, level, signingDate, null);
    }

    /** @param permission makes it a certification signature with this DocMDP P; null for an approval signature */
    static byte[] sign(byte[] pdf, PdfTestPki pki, Issued signer, SignatureLevel level, Date signingDate,
            CertificationPermission permission) {
        return sign(pdf, pki, signer, level, signingDate, permission, null);
    }

    /** @param fieldId an existing empty signature field to sign into; null for a new invisible one */
    static byte[] sign(byte[] pdf, PdfTestPki pki, Issued signer, SignatureLevel level, Date signingDate,
            CertificationPermission permission, String fieldId) {
        if (level == SignatureLevel.PAdES_BASELINE_LT || level == SignatureLevel.PAdES_BASELINE_LTA) {
            return extend(sign(pdf, pki, signer, SignatureLevel.PAdES_BASELINE_T, signingDate, permission, fieldId), pki, level);
        }
        byte[] first = sign(pdf, pki, signer, level, signingDate, permission, fieldId, 0, 0);
        int[] sizes = PaddingFree.sizes(first);
        for (int attempt = 0; attempt < 10; attempt++) {
            byte[] exact = sign(pdf, pki, signer, level, signingDate, permission, fieldId, sizes[sizes.length - 1], 0);
            if (PaddingFree.unpadded(exact)) {
                return exact;
            }
        }
        throw new IllegalStateException("DSS kept padding /Contents");
    }

    private static byte[] sign(byte[] pdf, PdfTestPki pki, Issued signer, SignatureLevel level, Date signingDate,
            CertificationPermission permission, String fieldId, int contentSize, int archiveTimestampSize) {
        CommonCertificateVerifier verifier = verifier(pki);
        PAdESService service = new PAdESService(verifier);
        service.setTspSource(tspSource(pki.timeStampAuthority()));
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(level);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(signer.x509()));
        parameters.setCertificateChain(List.of(new CertificateToken(pki.issuing.x509()), new CertificateToken(pki.root.x509())));
        parameters.bLevel().setSigningDate(signingDate);
        if (permission != null) {
            parameters.setPermission(permission);
        }
        if (fieldId != null) {
            parameters.getImageParameters().getFieldParameters().setFieldId(fieldId);
        }
        if (contentSize > 0) {
            parameters.setContentSize(contentSize);
        }
        if (archiveTimestampSize > 0) {
            parameters.getArchiveTimestampParameters().setContentSize(archiveTimestampSize);
        }
        DSSDocument document = new InMemoryDocument(pdf, "in.pdf");
        SignatureValue value = rsaSha256(service.getDataToSign(document, parameters), signer);
        return toBytes(service.signDocument(document, parameters, value));
    }

    /** What DSS asks to be signed, signed with the test signer's RSA key (outside DSS, as a token would). */
    public static SignatureValue rsaSha256(ToBeSigned toBeSigned, Issued signer) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signer.keyPair().getPrivate());
            signature.update(toBeSigned.getBytes());
            return new SignatureValue(SignatureAlgorithm.RSA_SHA256, signature.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Extends a signed document to B-LT or B-LTA (the document time-stamp sized exactly, as for signing). */
    static byte[] extend(byte[] signed, PdfTestPki pki, SignatureLevel level) {
        byte[] first = extendOnce(signed, pki, level, 0);
        if (level != SignatureLevel.PAdES_BASELINE_LTA) {
            return first;
        }
        int[] sizes = PaddingFree.sizes(first);
        for (int attempt = 0; attempt < 10; attempt++) {
            byte[] exact = extendOnce(signed, pki, level, sizes[sizes.length - 1]);
            if (PaddingFree.unpadded(exact)) {
                return exact;
            }
        }
        throw new IllegalStateException("DSS kept padding the document time-stamp");
    }

    private static byte[] extendOnce(byte[] signed, PdfTestPki pki, SignatureLevel level, int timestampSize) {
        PAdESService service = new PAdESService(verifier(pki));
        service.setTspSource(tspSource(pki.timeStampAuthority()));
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(level);
        if (timestampSize > 0) {
            parameters.getArchiveTimestampParameters().setContentSize(timestampSize);
        }
        return toBytes(service.extendDocument(new InMemoryDocument(signed, "signed.pdf"), parameters));
    }

    /** DSS's validation of the document, trusting the test root, with the test CA's current CRLs. */
    static Verdict validate(byte[] pdf, PdfTestPki pki) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf, "signed.pdf"));
        validator.setCertificateVerifier(verifier(pki));
        Reports reports = validator.validateDocument();
        SimpleReport simple = reports.getSimpleReport();
        String id = simple.getFirstSignatureId();
        if (id == null) {
            return new Verdict(null, null, null, 0, "no signature");
        }
        return new Verdict(simple.getIndication(id), simple.getSubIndication(id), simple.getSignatureFormat(id),
                simple.getSignaturesCount(), simple.getAdESValidationErrors(id).stream().map(m -> m.getValue()).toList().toString());
    }

    public static CommonCertificateVerifier verifier(PdfTestPki pki) {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(pki.root.x509()));
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(new ExternalResourcesCRLSource(new InMemoryDocument(pki.crl(pki.issuing)),
                new InMemoryDocument(pki.crl(pki.root))));
        verifier.setOcspSource(null);
        verifier.setAIASource(null);
        return verifier;
    }

    public static TSPSource tspSource(TimeStampAuthority authority) {
        return (DigestAlgorithm digestAlgorithm, byte[] digest) -> {
            try {
                TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
                generator.setCertReq(true);
                byte[] request = generator.generate(new org.bouncycastle.asn1.ASN1ObjectIdentifier(digestAlgorithm.getOid()), digest,
                        java.math.BigInteger.ONE.shiftLeft(62).or(java.math.BigInteger.valueOf(System.nanoTime() & 0x3fffffffffffffffL)))
                        .getEncoded();
                TimeStampResponse response = new TimeStampResponse(authority.respond(request));
                if (response.getTimeStampToken() == null) {
                    throw new IllegalStateException("TSA refused: " + response.getStatusString() + " " + response.getFailInfo());
                }
                return new TimestampBinary(response.getTimeStampToken().getEncoded());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static byte[] toBytes(DSSDocument document) {
        try (var in = document.openStream()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
