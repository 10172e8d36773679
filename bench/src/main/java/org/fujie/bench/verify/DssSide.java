package org.fujie.bench.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

import eu.europa.esig.dss.crl.CRLBinary;
import eu.europa.esig.dss.crl.CRLUtils;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.RevocationOrigin;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.CertificateExtensionsUtils;
import eu.europa.esig.dss.spi.client.http.NativeHTTPDataLoader;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.CRLToken;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.policy.ValidationPolicyLoader;

/**
 * EU DSS 6.3 on the benchmark's side: signs PAdES B-B, and validates any document DSS reads (PDF here, XML in the XAdES
 * benchmark) with one {@link CommonCertificateVerifier} (trusting the bench root, CRLs fetched online from the local
 * server) and one loaded default validation policy, both reused for every document as a validation service would.
 */
public final class DssSide {

    private final CommonCertificateVerifier verifier;
    private final ValidationPolicy policy;
    private final OnlineCrlSource crls = new OnlineCrlSource();

    public DssSide(BenchPki pki) {
        verifier = offlineVerifier(pki.root.x509());
        verifier.setCrlSource(crls);
        policy = ValidationPolicyLoader.fromDefaultValidationPolicy().create();
    }

    /**
     * A certificate verifier trusting the root and fetching nothing (no CRL, OCSP or AIA source): what DSS's signing
     * services need, which check the signing certificate while signing.
     */
    public static CommonCertificateVerifier offlineVerifier(X509Certificate trustedRoot) {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(trustedRoot));
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(null);
        verifier.setOcspSource(null);
        verifier.setAIASource(null);
        return verifier;
    }

    /**
     * Validates and answers the first signature's indication (null when DSS found no signature).
     *
     * @param name the document's file name, e.g. "signed.pdf"
     */
    public Indication validate(byte[] document, String name) {
        SimpleReport simple = report(document, name);
        String id = simple.getFirstSignatureId();
        return id == null ? null : simple.getIndication(id);
    }

    /** DSS's simple report on the document. */
    public SimpleReport report(byte[] document, String name) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(document, name));
        validator.setCertificateVerifier(verifier);
        return validator.validateDocument(policy).getSimpleReport();
    }

    /** The first signature's indication/sub-indication, format and validation errors, or "no signature". */
    public String describe(byte[] document, String name) {
        SimpleReport simple = report(document, name);
        String id = simple.getFirstSignatureId();
        return id == null ? "no signature" : simple.getIndication(id) + "/" + simple.getSubIndication(id) + " "
                + simple.getSignatureFormat(id) + " " + simple.getAdESValidationErrors(id).stream().map(m -> m.getValue()).toList();
    }

    /** CRLs DSS's source downloaded so far. */
    public int crlDownloads() {
        return crls.downloads.get();
    }

    /**
     * DSS's online CRL source (dss-service's OnlineCRLSource, not on this machine's Maven cache) in its usual
     * service set-up, a caching data loader: the CRL bytes from each distribution point are downloaded with DSS's
     * own NativeHTTPDataLoader and kept until the CRL's nextUpdate; the token (parse, signature check against the
     * issuer) is built per request as DSS does with a cached data loader.
     */
    static final class OnlineCrlSource implements CRLSource {
        private final NativeHTTPDataLoader loader = new NativeHTTPDataLoader();
        private final Map<String, CachedCrl> cache = new ConcurrentHashMap<>();
        final AtomicInteger downloads = new AtomicInteger();

        private record CachedCrl(byte[] der, Date nextUpdate) {
        }

        @Override
        public CRLToken getRevocationToken(CertificateToken certificate, CertificateToken issuer) {
            for (String url : CertificateExtensionsUtils.getCRLAccessUrls(certificate)) {
                try {
                    CachedCrl cached = cache.get(url);
                    if (cached == null || (cached.nextUpdate() != null && cached.nextUpdate().before(new Date()))) {
                        byte[] der = loader.get(url);
                        downloads.incrementAndGet();
                        CRLBinary binary = CRLUtils.buildCRLBinary(der);
                        cached = new CachedCrl(der, CRLUtils.buildCRLValidity(binary, issuer).getNextUpdate());
                        cache.put(url, cached);
                    }
                    CRLToken token = new CRLToken(certificate, CRLUtils.buildCRLValidity(CRLUtils.buildCRLBinary(cached.der()), issuer));
                    token.setSourceURL(url);
                    token.setExternalOrigin(RevocationOrigin.EXTERNAL);
                    return token;
                } catch (IOException | RuntimeException e) {
                    // next URL
                }
            }
            return null;
        }
    }

    /**
     * PAdES B-B signed twice: DSS 6.3 reads /Contents with Bouncy Castle's CMSSignedData(byte[]), which under BC 1.87
     * refuses the zero padding after the DER ("Extra data detected in stream"). So the first signing measures the
     * CMS size and the second reserves exactly that much (RSA signatures have a fixed length).
     */
    static byte[] sign(byte[] pdf, BenchPki pki) {
        Date signingDate = new Date();
        byte[] first = sign(pdf, pki, signingDate, 0);
        int size = derLength(contents(first));
        for (int attempt = 0; attempt < 10; attempt++) {
            byte[] exact = sign(pdf, pki, signingDate, size);
            byte[] contents = contents(exact);
            if (derLength(contents) == contents.length) {
                return exact;
            }
        }
        throw new IllegalStateException("DSS kept padding /Contents");
    }

    private static byte[] sign(byte[] pdf, BenchPki pki, Date signingDate, int contentSize) {
        PAdESService service = new PAdESService(new CommonCertificateVerifier());
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(pki.signer.x509()));
        parameters.setCertificateChain(List.of(new CertificateToken(pki.issuing.x509()), new CertificateToken(pki.root.x509())));
        parameters.bLevel().setSigningDate(signingDate);
        if (contentSize > 0) {
            parameters.setContentSize(contentSize);
        }
        DSSDocument document = new InMemoryDocument(pdf, "in.pdf");
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(pki.signer.keyPair().getPrivate());
            signature.update(toBeSigned.getBytes());
            SignatureValue value = new SignatureValue(SignatureAlgorithm.RSA_SHA256, signature.sign());
            try (var in = service.signDocument(document, parameters, value).openStream()) {
                return in.readAllBytes();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] contents(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<byte[]> all = new ArrayList<>();
            for (PDSignature signature : document.getSignatureDictionaries()) {
                all.add(signature.getContents());
            }
            return all.get(all.size() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The length of the DER element at the start (tag, length, value). */
    private static int derLength(byte[] der) {
        int first = der[1] & 0xff;
        if (first < 0x80) {
            return 2 + first;
        }
        int n = first & 0x7f;
        int length = 0;
        for (int i = 0; i < n; i++) {
            length = (length << 8) | (der[2 + i] & 0xff);
        }
        return 2 + n + length;
    }
}
