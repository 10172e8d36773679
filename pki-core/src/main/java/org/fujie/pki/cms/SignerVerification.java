package org.fujie.pki.cms;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.tsp.TimeStampToken;
import org.fujie.pki.validation.SubIndication;

/**
 * What the check of one CMS SignerInfo found.
 *
 * @param failure null when digest, signature and signing-certificate reference verified
 * @param signer the signing certificate, null when not found
 * @param certificates every certificate the CMS carries (helpers for path building)
 * @param claimedTime the signingTime attribute, null when absent
 * @param signingCertificateReference whether an ESS signing-certificate(-v2) attribute bound the signer
 * @param timestampToken the signature-time-stamp unsigned attribute, null when absent
 * @param timestampProblem why a present time-stamp attribute could not be read, else null
 */
public record SignerVerification(SubIndication failure, String detail, X509Certificate signer,
        List<X509Certificate> certificates, Instant claimedTime, boolean signingCertificateReference, byte[] signatureValue,
        TimeStampToken timestampToken, String timestampProblem) {

    public SignerVerification {
        certificates = List.copyOf(certificates);
    }

    public static SignerVerification failed(SubIndication failure, String detail, X509Certificate signer,
            List<X509Certificate> certificates) {
        return new SignerVerification(failure, detail, signer, certificates, null, false, null, null, null);
    }

    public boolean verified() {
        return failure == null;
    }
}
