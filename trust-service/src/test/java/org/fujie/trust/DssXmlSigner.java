package org.fujie.trust;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.fujie.ca.support.PublicHttp;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;

/**
 * The EU DSS library signing XAdES (test scope) with a key and certificate ca-service issued, its signature time-stamps
 * from trust-service's own TSA: signatures no Fujie code made, for trust-service to verify.
 */
final class DssXmlSigner {

    private DssXmlSigner() {
    }

    /** @param pkcs12 the PKCS#12 ca-service generated (RSA), with its password */
    static byte[] sign(byte[] document, byte[] pkcs12, String password, SignatureLevel level, String tsaUrl) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(new ByteArrayInputStream(pkcs12), password.toCharArray());
        String alias = store.aliases().nextElement();
        PrivateKey key = (PrivateKey) store.getKey(alias, password.toCharArray());
        Certificate[] chain = store.getCertificateChain(alias);
        List<CertificateToken> issuers = new ArrayList<>();
        for (int i = 1; i < chain.length; i++) {
            issuers.add(new CertificateToken((X509Certificate) chain[i]));
        }
        XAdESService service = new XAdESService(new CommonCertificateVerifier());
        service.setTspSource((DigestAlgorithm digestAlgorithm, byte[] digest) -> timeStamp(tsaUrl, digestAlgorithm, digest));
        XAdESSignatureParameters parameters = new XAdESSignatureParameters();
        parameters.setSignatureLevel(level);
        parameters.setSignaturePackaging(SignaturePackaging.ENVELOPED);
        parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
        parameters.setSigningCertificate(new CertificateToken((X509Certificate) chain[0]));
        parameters.setCertificateChain(issuers);
        parameters.bLevel().setSigningDate(new Date());
        DSSDocument toSign = new InMemoryDocument(document, "form.xml");
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(service.getDataToSign(toSign, parameters).getBytes());
        SignatureValue value = new SignatureValue(SignatureAlgorithm.RSA_SHA256, signature.sign());
        try (var in = service.signDocument(toSign, parameters, value).openStream()) {
            return in.readAllBytes();
        }
    }

    private static TimestampBinary timeStamp(String tsaUrl, DigestAlgorithm algorithm, byte[] digest) {
        try {
            TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
            generator.setCertReq(true);
            byte[] request = generator.generate(new ASN1ObjectIdentifier(algorithm.getOid()), digest,
                    BigInteger.valueOf(System.nanoTime())).getEncoded();
            TimeStampResponse response = new TimeStampResponse(PublicHttp.post(tsaUrl, "application/timestamp-query", request).body());
            if (response.getTimeStampToken() == null) {
                throw new IllegalStateException("the TSA refused: " + response.getStatusString());
            }
            return new TimestampBinary(response.getTimeStampToken().getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
