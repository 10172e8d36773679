package org.fujie.pki.cms;

import java.util.Date;
import java.util.List;

import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.pdf.DssPdf;
import org.fujie.pki.pdf.PdfTestPki;

import eu.europa.esig.dss.cades.CAdESSignatureParameters;
import eu.europa.esig.dss.cades.signature.CAdESService;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;

/**
 * The EU DSS library as an independent CAdES signer and validator (test scope only), over the test CA's
 * certificates, pki-core's TSA and the test CA's CRLs.
 */
final class DssCades {

    /** DSS's verdict on the first signature. */
    record Verdict(Indication indication, SubIndication subIndication, SignatureLevel level, String errors) {
    }

    private DssCades() {
    }

    /** B-LT and B-LTA are made by extending a B-T signature, as an archive service would. */
    static byte[] sign(byte[] document, PdfTestPki pki, Issued signer, SignatureLevel level, SignaturePackaging packaging,
            Date signingDate) {
        CAdESService service = service(pki);
        CAdESSignatureParameters parameters = parameters(level, packaging);
        parameters.setSigningCertificate(new CertificateToken(signer.x509()));
        parameters.setCertificateChain(List.of(new CertificateToken(pki.issuing.x509()), new CertificateToken(pki.root.x509())));
        parameters.bLevel().setSigningDate(signingDate);
        DSSDocument toSign = new InMemoryDocument(document, "document.txt");
        SignatureValue value = DssPdf.rsaSha256(service.getDataToSign(toSign, parameters), signer);
        return bytes(service.signDocument(toSign, parameters, value));
    }

    /** Extends a CAdES signature to a higher level (B-LT: validation data in the SignedData; B-LTA: archive time-stamp). */
    static byte[] extend(byte[] signature, byte[] detached, PdfTestPki pki, SignatureLevel level) {
        CAdESSignatureParameters parameters = parameters(level, detached == null ? SignaturePackaging.ENVELOPING
                : SignaturePackaging.DETACHED);
        if (detached != null) {
            parameters.setDetachedContents(List.of(new InMemoryDocument(detached, "document.txt")));
        }
        return bytes(service(pki).extendDocument(new InMemoryDocument(signature, "signature.p7s"), parameters));
    }

    static Verdict validate(byte[] signature, byte[] detached, PdfTestPki pki) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(signature, "signature.p7s"));
        validator.setCertificateVerifier(verifier(pki));
        if (detached != null) {
            validator.setDetachedContents(List.of(new InMemoryDocument(detached, "document.txt")));
        }
        SimpleReport simple = validator.validateDocument().getSimpleReport();
        String id = simple.getFirstSignatureId();
        if (id == null) {
            return new Verdict(null, null, null, "no signature");
        }
        return new Verdict(simple.getIndication(id), simple.getSubIndication(id), simple.getSignatureFormat(id),
                simple.getAdESValidationErrors(id).stream().map(m -> m.getValue()).toList().toString());
    }

    private static CAdESSignatureParameters parameters(SignatureLevel level, SignaturePackaging packaging) {
        CAdESSignatureParameters parameters = new CAdESSignatureParameters();
        parameters.setSignatureLevel(level);
        parameters.setSignaturePackaging(packaging);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        return parameters;
    }

    /**
     * DSS checks the in-memory signature before adding a time-stamp; under Bouncy Castle 1.87 (DSS 6.3 is built on
     * 1.81) that check fails on the signing-time attribute of its own unencoded SignedData ("not a valid 'Time'
     * structure"), although the encoded signature verifies, in DSS's validator too. So the signer only logs it.
     */
    private static CAdESService service(PdfTestPki pki) {
        CommonCertificateVerifier verifier = verifier(pki);
        verifier.setAlertOnInvalidSignature(new eu.europa.esig.dss.alert.LogOnStatusAlert());
        CAdESService service = new CAdESService(verifier);
        service.setTspSource(DssPdf.tspSource(pki.timeStampAuthority()));
        return service;
    }

    private static CommonCertificateVerifier verifier(PdfTestPki pki) {
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

    private static byte[] bytes(DSSDocument document) {
        try (var in = document.openStream()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
