package org.fujie.pki.xades;

import java.util.Date;
import java.util.List;

import org.fujie.pki.TestCertificates.Issued;
import org.fujie.pki.pdf.DssPdf;
import org.fujie.pki.pdf.PdfTestPki;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;

/**
 * The EU DSS library as an independent XAdES signer and validator (test scope only), over the test CA's certificates,
 * pki-core's TSA and the test CA's CRLs. XAdES carries no padded CMS, so DSS runs on Fujie's own class path here.
 */
final class DssXades {

    /** DSS's verdict on each signature, in document order. */
    record Verdict(String indication, String subIndication, String level, String errors) {

        boolean passedAt(String expectedLevel) {
            return indication.equals("TOTAL_PASSED") && level.equals(expectedLevel);
        }
    }

    private DssXades() {
    }

    static byte[] sign(byte[] document, PdfTestPki pki, Issued signer, SignatureLevel level, SignaturePackaging packaging) {
        XAdESService service = new XAdESService(DssPdf.verifier(pki));
        service.setTspSource(DssPdf.tspSource(pki.timeStampAuthority()));
        XAdESSignatureParameters parameters = new XAdESSignatureParameters();
        parameters.setSignatureLevel(level);
        parameters.setSignaturePackaging(packaging);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(signer.x509()));
        parameters.setCertificateChain(List.of(new CertificateToken(pki.issuing.x509()), new CertificateToken(pki.root.x509())));
        parameters.bLevel().setSigningDate(new Date());
        DSSDocument toSign = new InMemoryDocument(document, "document.xml");
        SignatureValue value = DssPdf.rsaSha256(service.getDataToSign(toSign, parameters), signer);
        try (var in = service.signDocument(toSign, parameters, value).openStream()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @param detached the signed data of a detached signature, named as the signature's reference names it; or null */
    static List<Verdict> validate(byte[] signed, PdfTestPki pki, byte[] detached, String detachedName) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(signed, "signed.xml"));
        validator.setCertificateVerifier(DssPdf.verifier(pki));
        if (detached != null) {
            validator.setDetachedContents(List.of(new InMemoryDocument(detached, detachedName)));
        }
        SimpleReport simple = validator.validateDocument().getSimpleReport();
        return simple.getSignatureIdList().stream().map(id -> new Verdict(String.valueOf(simple.getIndication(id)),
                String.valueOf(simple.getSubIndication(id)), String.valueOf(simple.getSignatureFormat(id)),
                simple.getAdESValidationErrors(id).stream().map(m -> m.getValue()).toList().toString())).toList();
    }

    static List<Verdict> validate(byte[] signed, PdfTestPki pki) {
        return validate(signed, pki, null, null);
    }
}
