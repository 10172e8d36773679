package org.fujie.pki.pdf;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.fujie.pki.cms.SignerVerification;
import org.fujie.pki.cms.VerifiedTimestamp;
import org.fujie.pki.cms.ValidationData;
import org.fujie.pki.cms.TimeStampCheck;
import org.fujie.pki.validation.CertificateValidator;
import org.fujie.pki.validation.Purpose;
import org.fujie.pki.validation.SubIndication;
import org.fujie.pki.validation.ValidationRequest;
import org.fujie.pki.validation.ValidationResult;

/**
 * Checks one signature field of a document: its byte range against the raw file, then either its CMS
 * signature, signature time-stamp and signing certificate (validated at the time-stamp's genTime when there
 * is a valid one, else now), or, for a document time-stamp, the token over the byte range.
 */
final class SignatureVerifier {

    static final String PADES = "ETSI.CAdES.detached";
    static final String PKCS7 = "adbe.pkcs7.detached";

    private final byte[] file;
    private final int length;
    private final CertificateValidator validator;
    private final ValidationData dss;
    private final Purpose signerPurpose;

    SignatureVerifier(byte[] file, int length, CertificateValidator validator, ValidationData dss, Purpose signerPurpose) {
        this.file = file;
        this.length = length;
        this.validator = validator;
        this.dss = dss;
        this.signerPurpose = signerPurpose;
    }

    SignatureOutcome verify(SignatureField field, Instant now, Instant laterProofOfExistence) {
        ByteRange range;
        try {
            range = ByteRange.check(file, length, field.byteRange(), field.contents());
        } catch (PdfFormatException e) {
            return SignatureOutcome.refused(field, null, SubIndication.FORMAT_FAILURE, e.getMessage(), null);
        }
        return field.documentTimestamp() ? documentTimestamp(field, range) : signature(field, range, now, laterProofOfExistence);
    }

    private SignatureOutcome documentTimestamp(SignatureField field, ByteRange range) {
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(CmsSignatureCheck.withoutPadding(field.contents())));
        } catch (Exception e) {
            return SignatureOutcome.refused(field, range, SubIndication.FORMAT_FAILURE,
                    "/Contents of the document time-stamp is not an RFC 3161 token", null);
        }
        VerifiedTimestamp timestamp = TimeStampCheck.verify(token, out -> range.writeTo(file, out), dss.certificates(), validator);
        if (timestamp.broken()) {
            return new SignatureOutcome(field, range, timestamp.subIndication(), timestamp.detail(), null, timestamp, null,
                    timestamp.genTime());
        }
        return new SignatureOutcome(field, range, null, timestamp.detail(), null, timestamp, null, timestamp.genTime());
    }

    private SignatureOutcome signature(SignatureField field, ByteRange range, Instant now, Instant laterProofOfExistence) {
        if (!PADES.equals(field.subFilter()) && !PKCS7.equals(field.subFilter())) {
            return SignatureOutcome.refused(field, range, SubIndication.FORMAT_FAILURE,
                    "unsupported /SubFilter " + field.subFilter(), null);
        }
        SignerVerification cms = CmsSignatureCheck.verify(field.contents(), file, range);
        if (!cms.verified()) {
            return SignatureOutcome.refused(field, range, cms.failure(), cms.detail(), cms);
        }
        List<X509Certificate> helpers = new ArrayList<>(cms.certificates());
        helpers.addAll(dss.certificates());
        VerifiedTimestamp timestamp = null;
        if (cms.timestampToken() != null) {
            timestamp = TimeStampCheck.verify(cms.timestampToken(), out -> out.write(cms.signatureValue()), helpers, validator);
        } else if (cms.timestampProblem() != null) {
            timestamp = VerifiedTimestamp.failed(null, null, SubIndication.FORMAT_FAILURE, cms.timestampProblem());
        }
        Instant at = now;
        if (timestamp != null && timestamp.valid()) {
            at = timestamp.genTime();
        }
        if (laterProofOfExistence != null && laterProofOfExistence.isBefore(at)) {
            at = laterProofOfExistence;
        }
        ValidationResult chain = validator.validate(new ValidationRequest(cms.signer(), helpers, at, signerPurpose));
        return new SignatureOutcome(field, range, null, cms.detail(), cms, timestamp, chain, at);
    }
}
