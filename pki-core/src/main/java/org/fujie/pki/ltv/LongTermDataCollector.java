package org.fujie.pki.ltv;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.validation.CertificateValidator;
import org.fujie.pki.validation.Purpose;
import org.fujie.pki.validation.RevocationFinding;
import org.fujie.pki.validation.ValidationRequest;
import org.fujie.pki.validation.ValidationResult;

/**
 * Gathers a certificate's long-term validation data by validating it now: the path to a trust anchor and the OCSP
 * responses or CRLs the revocation check rested on. A certificate that does not validate (revoked, untrusted, no
 * revocation answer) is refused: a B-LT document must not carry evidence against its own signature.
 */
public final class LongTermDataCollector {

    private final CertificateValidator validator;

    public LongTermDataCollector(CertificateValidator validator) {
        this.validator = validator;
    }

    /**
     * @param certificate the signer's or the TSA's certificate
     * @param intermediates certificates that may complete its path
     * @param purpose the extended key usage it must carry, or null
     */
    public LongTermData collect(X509Certificate certificate, List<X509Certificate> intermediates, Purpose purpose)
            throws SigningServiceException {
        ValidationResult result = validator.validate(ValidationRequest.of(certificate).withIntermediates(intermediates).forPurpose(purpose));
        if (!result.valid()) {
            throw new SigningServiceException("no long-term validation data for " + certificate.getSubjectX500Principal().getName() + ": "
                    + result.indication() + "/" + result.subIndication() + ", " + result.detail());
        }
        List<byte[]> certificates = new ArrayList<>();
        try {
            for (X509Certificate c : result.path()) {
                certificates.add(c.getEncoded());
            }
        } catch (CertificateEncodingException e) {
            throw new SigningServiceException("a certificate of the path cannot be encoded", e);
        }
        List<byte[]> crls = new ArrayList<>();
        List<byte[]> ocsps = new ArrayList<>();
        for (RevocationFinding finding : result.revocation()) {
            switch (finding.source()) {
                case OCSP -> ocsps.addAll(finding.evidence());
                case CRL -> crls.addAll(finding.evidence());
                case NONE -> {
                    // id-pkix-ocsp-nocheck: nothing to embed
                }
            }
        }
        return new LongTermData(certificates, crls, ocsps);
    }
    /**
     * The TSA's path and revocation data, its certificate taken from the time-stamp token (which must carry it).
     *
     * @param others certificates that may complete the TSA's path (the signer's, say)
     */
    public LongTermData collectForTimeStamp(byte[] token, List<X509Certificate> others) throws SigningServiceException {
        try {
            TimeStampToken timeStamp = new TimeStampToken(new CMSSignedData(token));
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(CryptoProviders.bouncyCastle());
            X509Certificate tsa = null;
            List<X509Certificate> intermediates = new ArrayList<>();
            for (X509CertificateHolder carried : timeStamp.getCertificates().getMatches(null)) {
                X509Certificate certificate = converter.getCertificate(carried);
                if (tsa == null && timeStamp.getSID().match(carried)) {
                    tsa = certificate;
                }
                intermediates.add(certificate);
            }
            if (tsa == null) {
                throw new SigningServiceException("the time-stamp carries no TSA certificate");
            }
            intermediates.addAll(others);
            return collect(tsa, intermediates, Purpose.TIME_STAMPING);
        } catch (CMSException | TSPException | IOException | CertificateException e) {
            throw new SigningServiceException("the time-stamp cannot be read: " + e.getMessage(), e);
        }
    }
}
