package org.fujie.bench.stamp;

import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.util.Date;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.fujie.bench.verify.DssSide;
import org.fujie.pki.cms.BaselineLevel;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.tsp.TimeStamper;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;

/**
 * EU DSS 6.3's PAdES signing (dss-pades-pdfbox, its default object factory: the native PDFBox drawer) as DSS's
 * documentation has it: one {@link PAdESService} for all documents, per document fresh parameters, {@code getDataToSign},
 * the signature value computed outside DSS (here with the same pki-core {@code SigningKey} Fujie uses, so the same
 * provider), then {@code signDocument}. The TSA of B-T is the same {@link TimeStamper} Fujie's side uses.
 */
final class DssStamper implements Stamper {

    private final PAdESService service;
    private final int contentSize;

    /**
     * @param trustedRoot the root the certificate verifier trusts (DSS checks the signing certificate while signing)
     * @param contentSize bytes reserved for the CMS, or 0 for DSS's default (9,472)
     */
    DssStamper(TimeStamper timeStamper, X509Certificate trustedRoot, int contentSize) {
        service = new PAdESService(DssSide.offlineVerifier(trustedRoot));
        service.setTspSource(tspSource(timeStamper));
        this.contentSize = contentSize;
    }

    /** DSS 6.3 has no SM2 signature algorithm (nor SM3 in PAdES): it is measured with EC and RSA seals only. */
    @Override
    public boolean supports(Seal seal) {
        return seal.key().algorithm() != KeyAlgorithm.SM2;
    }

    /** DSS's side of the one TSA: DSS hands over the digest, Fujie's client makes the request and checks the reply. */
    private static TSPSource tspSource(TimeStamper timeStamper) {
        return (DigestAlgorithm algorithm, byte[] digest) -> {
            try {
                return new TimestampBinary(timeStamper.timeStamp(new ASN1ObjectIdentifier(algorithm.getOid()), digest));
            } catch (TimeStamper.TimeStampException e) {
                throw new eu.europa.esig.dss.model.DSSException("no time-stamp: " + e.getMessage(), e);
            }
        };
    }

    @Override
    public String name() {
        return "DSS";
    }

    @Override
    public byte[] stamp(byte[] pdf, Seal seal, BaselineLevel level, Place place) throws Exception {
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(switch (level) {
            case B_B -> SignatureLevel.PAdES_BASELINE_B;
            case B_T -> SignatureLevel.PAdES_BASELINE_T;
            default -> throw new IllegalArgumentException("the benchmark compares B-B and B-T, not " + level.label());
        });
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken(seal.x509Chain().get(0)));
        parameters.setCertificateChain(seal.x509Chain().subList(1, seal.x509Chain().size()).stream().map(CertificateToken::new).toList());
        parameters.bLevel().setSigningDate(new Date());
        parameters.setReason(REASON);
        if (contentSize > 0) {
            parameters.setContentSize(contentSize);
        }
        SignatureImageParameters image = new SignatureImageParameters();
        image.setImage(new InMemoryDocument(seal.png(), "seal.png", MimeTypeEnum.PNG));
        SignatureFieldParameters field = image.getFieldParameters();
        field.setPage(place.page());
        field.setOriginX(place.x());
        field.setOriginY(place.pageHeight() - place.y() - place.height());  // DSS measures from the top of the page
        field.setWidth(place.width());
        field.setHeight(place.height());
        parameters.setImageParameters(image);

        DSSDocument document = new InMemoryDocument(pdf, "in.pdf");
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        ContentSigner signer = seal.key().newContentSigner();
        try (OutputStream out = signer.getOutputStream()) {
            out.write(toBeSigned.getBytes());
        }
        SignatureAlgorithm algorithm = seal.key().algorithm().isRsa() ? SignatureAlgorithm.RSA_SHA256 : SignatureAlgorithm.ECDSA_SHA256;
        DSSDocument signed = service.signDocument(document, parameters, new SignatureValue(algorithm, signer.getSignature()));
        if (signed instanceof InMemoryDocument memory) {
            return memory.getBytes();  // its own array, not a copy: the bench adds no copy DSS did not make
        }
        try (var in = signed.openStream()) {
            return in.readAllBytes();
        }
    }
}
