package org.fujie.trust.auth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.fujie.pki.validation.CertificateInput;
import org.fujie.pki.validation.CertificateValidator;
import org.fujie.pki.validation.Purpose;
import org.fujie.pki.validation.ValidationRequest;
import org.fujie.pki.validation.ValidationResult;
import org.fujie.pki.x509.Fingerprints;
import org.fujie.pki.x509.SerialNumbers;
import org.fujie.pki.x509.SubjectNames;
import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.problem.FujieException;
import org.fujie.service.security.CertificateRoleResolver;
import org.fujie.trust.problem.TrustProblem;

/**
 * Certificate log-in: the answer to a one-time challenge is checked in this order, each step able to end it: the
 * challenge is taken (so it is used up whatever follows), the signature over its nonce must verify with the
 * certificate's key (cheap, and proves possession before anything is fetched for the certificate), the key usage
 * must allow digital signatures, and the certificate must validate now for client authentication against the trust
 * anchors, with revocation information no older than the configured maximum. Then a token is issued. Every outcome
 * is audited; failures count against the subject and the address.
 */
public final class CertificateLogin {

    /** What the user sent. */
    public record Answer(String challengeId, String certificatePem, String chainPem, String signature) {
    }

    private final Challenges challenges;
    private final Supplier<CertificateValidator> validators;
    private final CertificateRoleResolver roles;
    private final AccessTokens tokens;
    private final LoginThrottle throttle;
    private final AuditedTransactions audit;

    CertificateLogin(Challenges challenges, Supplier<CertificateValidator> validators, CertificateRoleResolver roles,
            AccessTokens tokens, LoginThrottle throttle, AuditedTransactions audit) {
        this.challenges = challenges;
        this.validators = validators;
        this.roles = roles;
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
    }

    public AccessTokens.Issued login(Answer answer, String clientAddress) {
        Duration wait = throttle.addressWait(clientAddress);
        if (wait != null) {
            throw new LoginThrottledException("from " + clientAddress, wait);
        }
        if (answer.challengeId() == null || answer.certificatePem() == null || answer.signature() == null) {
            throw new FujieException(TrustProblem.LOGIN_REQUEST_INVALID, "give challengeId, certificatePem and signature");
        }
        String nonce = challenges.take(answer.challengeId()).orElse(null);
        if (nonce == null) {
            throw fail(clientAddress, null, null, "the challenge is unknown, expired or used already");
        }
        CertificateInput input;
        try {
            input = CertificateInput.parse(answer.certificatePem(), answer.chainPem());
        } catch (IllegalArgumentException e) {
            throw fail(clientAddress, null, null, "the certificate cannot be read: " + e.getMessage());
        }
        X509Certificate certificate = input.certificate();
        String subject = SubjectNames.format(certificate.getSubjectX500Principal());
        wait = throttle.subjectWait(subject);
        if (wait != null) {
            throw new LoginThrottledException("for " + subject, wait);
        }
        byte[] der = encoded(certificate);
        String fingerprint = Fingerprints.sha256(der);
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(answer.signature().trim());
        } catch (IllegalArgumentException e) {
            throw fail(clientAddress, subject, fingerprint, "the signature is not base64");
        }
        if (!LoginSignatures.verify(certificate.getPublicKey(), nonce, signature)) {
            throw fail(clientAddress, subject, fingerprint, "the signature over the nonce does not verify with the certificate's key");
        }
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage != null && !keyUsage[0]) {
            throw fail(clientAddress, subject, fingerprint, "the certificate's key usage does not allow digital signatures");
        }
        ValidationResult result = validators.get().validate(
                new ValidationRequest(certificate, input.chain(), null, Purpose.TLS_CLIENT));
        if (!result.valid()) {
            throw fail(clientAddress, subject, fingerprint, "the certificate is not valid for log-in: " + result.indication() + "/"
                    + result.subIndication() + ": " + result.detail());
        }
        LoginIdentity identity = new LoginIdentity(subject, SerialNumbers.toHex(certificate.getSerialNumber()), fingerprint,
                thumbprint(der), organization(subject), roles.resolve(subject, fingerprint).roles(),
                certificate.getNotAfter().toInstant());
        AccessTokens.Issued issued = tokens.issue(identity);
        audit.record(AuditEvent.of(actor(subject, fingerprint), "login.success", "certificate:" + identity.serial(),
                Map.of("jti", issued.jti(), "tokenRoles", identity.roles().toString())));
        return issued;
    }

    private FujieException fail(String address, String subject, String fingerprint, String reason) {
        throttle.failed(address, subject);
        audit.record(AuditEvent.of(subject == null ? "anonymous" : actor(subject, fingerprint), "login.failure",
                subject == null ? "client:" + address : "subject:" + subject, Map.of("reason", reason)).failed());
        return new FujieException(TrustProblem.LOGIN_FAILED, reason);
    }

    private static String actor(String subject, String fingerprint) {
        return subject + " [sha256:" + fingerprint + "]";
    }

    private static String organization(String subject) {
        RDN[] rdns = SubjectNames.parse(subject).getRDNs(BCStyle.O);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String thumbprint(byte[] der) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
