package org.fujie.bench.xades;

import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;

import javax.xml.crypto.dsig.CanonicalizationMethod;

import org.apache.xml.security.algorithms.JCEMapper;
import org.bouncycastle.operator.ContentSigner;
import org.fujie.bench.verify.BenchPki;
import org.fujie.bench.verify.DssSide;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.DSSSecurityProvider;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;

/**
 * EU DSS 6.3: {@link XAdESService} signs in DSS's two steps, {@code getDataToSign}, the signature value computed outside
 * DSS with the same pki-core {@code SigningKey} Fujie uses (so the same provider), then {@code signDocument}; the
 * {@link DssSide} of the verification benchmark validates (SignedDocumentValidator, which picks DSS's
 * XMLDocumentValidator; one CommonCertificateVerifier trusting the bench root, CRLs online and cached, the default
 * policy loaded once).
 */
final class DssXades implements XadesSide {

    private final XAdESService service;
    private final DssSide validation;
    private final List<X509Certificate> chain;
    private final BenchPki.Issued seal;
    private final String provider;

    /** @param chain the seal's certificate, then its issuers, as the signature embeds them */
    DssXades(BenchPki pki, BenchPki.Issued seal, List<X509Certificate> chain) {
        this.seal = seal;
        this.chain = List.copyOf(chain);
        service = new XAdESService(DssSide.offlineVerifier(pki.root.x509()));
        validation = new DssSide(pki);
        // DSS's XAdES validation sets Santuario's provider in a static initialiser: run it now, not in the middle of a
        // measurement of the other side, and remember what DSS chose.
        try {
            Class.forName("eu.europa.esig.dss.xades.validation.XAdESSignature", true, DssXades.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        provider = DSSSecurityProvider.getSecurityProviderName();
    }

    @Override
    public String name() {
        return "DSS";
    }

    /** What DSS's XAdESSignature sets for the whole JVM: JCEMapper.setProviderId(DSSSecurityProvider name), "BC". */
    @Override
    public void select() {
        JCEMapper.setProviderId(provider);
    }

    String provider() {
        return provider;
    }

    @Override
    public byte[] sign(byte[] xml) throws Exception {
        XAdESSignatureParameters parameters = new XAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.ENVELOPED);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSignedInfoCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE);
        parameters.setSignedPropertiesCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE);
        parameters.setSigningCertificate(new CertificateToken(chain.get(0)));
        parameters.setCertificateChain(chain.subList(1, chain.size()).stream().map(CertificateToken::new).toList());
        parameters.bLevel().setSigningDate(new Date());
        // SHA-256 for the certificate digest in SigningCertificateV2 too, as Fujie (DSS's default is SHA-512)
        parameters.setSigningCertificateDigestMethod(DigestAlgorithm.SHA256);

        DSSDocument document = new InMemoryDocument(xml, "catalogue.xml");
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        ContentSigner signer = seal.key().newContentSigner();
        try (OutputStream out = signer.getOutputStream()) {
            out.write(toBeSigned.getBytes());
        }
        DSSDocument signed = service.signDocument(document, parameters, new SignatureValue(SignatureAlgorithm.ECDSA_SHA256, signer.getSignature()));
        if (signed instanceof InMemoryDocument memory) {
            return memory.getBytes();  // its own array, not a copy: the bench adds no copy DSS did not make
        }
        try (var in = signed.openStream()) {
            return in.readAllBytes();
        }
    }

    @Override
    public Verdict verify(byte[] signed) {
        SimpleReport simple = validation.report(signed, "signed.xml");
        String id = simple.getFirstSignatureId();
        if (id == null) {
            return new Verdict("NO_SIGNATURE", null, "-", "");
        }
        String format = String.valueOf(simple.getSignatureFormat(id));
        String level = format.startsWith("XAdES-BASELINE-") ? "B-" + format.substring("XAdES-BASELINE-".length()) : format;
        return new Verdict(String.valueOf(simple.getIndication(id)), simple.getSubIndication(id) == null ? null
                : simple.getSubIndication(id).name(), level,
                simple.getSignaturesCount() + " signature(s), " + format + errors(simple, id));
    }

    private static String errors(SimpleReport simple, String id) {
        List<String> errors = simple.getAdESValidationErrors(id).stream().map(m -> m.getValue()).toList();
        return errors.isEmpty() ? "" : ", errors " + errors;
    }
}
