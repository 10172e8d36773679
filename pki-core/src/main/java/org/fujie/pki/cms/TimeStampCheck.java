package org.fujie.pki.cms;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.tsp.TimeStampToken;
import org.fujie.pki.crypto.Verifiers;
import org.fujie.pki.x509.SubjectNames;
import org.fujie.pki.validation.CertificateValidator;
import org.fujie.pki.validation.Purpose;
import org.fujie.pki.validation.SubIndication;
import org.fujie.pki.validation.ValidationRequest;
import org.fujie.pki.validation.ValidationResult;

/**
 * Verifies an RFC 3161 time-stamp token over some bytes (a signature value, a document's byte range, an archive imprint):
 * the message imprint, the token's signature and ESSCertID binding (Bouncy Castle's TimeStampToken.validate,
 * which also wants the TSA certificate valid at genTime with the critical timeStamping purpose), then the
 * TSA certificate's path and revocation at genTime through the certificate validator.
 */
public final class TimeStampCheck {

    private TimeStampCheck() {
    }

    public static VerifiedTimestamp verify(TimeStampToken token, CmsObjects.Content timestamped, List<X509Certificate> helpers,
            CertificateValidator validator) {
        Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
        try {
            byte[] digest = CmsObjects.digest(new AlgorithmIdentifier(token.getTimeStampInfo().getMessageImprintAlgOID()),
                    timestamped);
            if (!MessageDigest.isEqual(digest, token.getTimeStampInfo().getMessageImprintDigest())) {
                return VerifiedTimestamp.failed(genTime, null, SubIndication.HASH_FAILURE,
                        "the time-stamp's message imprint does not match the time-stamped data");
            }
        } catch (java.io.IOException e) {
            return VerifiedTimestamp.failed(genTime, null, SubIndication.FORMAT_FAILURE,
                    "the time-stamped data cannot be formed: " + e.getMessage());
        } catch (Exception e) {
            return VerifiedTimestamp.failed(genTime, null, SubIndication.FORMAT_FAILURE,
                    "the time-stamp's imprint algorithm is not supported");
        }
        List<X509Certificate> candidates = new ArrayList<>(CmsObjects.certificates(token.getCertificates().getMatches(null)));
        candidates.addAll(helpers);
        X509Certificate tsa = candidates.stream().filter(c -> token.getSID().match(CmsObjects.holder(c)))
                .findFirst().orElse(null);
        if (tsa == null) {
            return VerifiedTimestamp.failed(genTime, null, SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                    "the TSA certificate is neither in the time-stamp nor in the document");
        }
        String subject = SubjectNames.format(tsa.getSubjectX500Principal());
        try {
            token.validate(Verifiers.signerInfo(tsa));
        } catch (Exception e) {
            return VerifiedTimestamp.failed(genTime, subject, SubIndication.SIG_CRYPTO_FAILURE,
                    "the time-stamp token does not verify: " + e.getMessage());
        }
        ValidationResult chain = validator.validate(new ValidationRequest(tsa, candidates, genTime, Purpose.TIME_STAMPING));
        return new VerifiedTimestamp(genTime, subject, chain.indication(), chain.subIndication(), chain.pathSubjects(),
                chain.valid() ? "time-stamp by " + subject + " at " + genTime : "TSA certificate: " + chain.detail());
    }
}
