package org.fujie.trust.auth;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;

import org.fujie.pki.validation.CertificateValidator;
import org.fujie.pki.validation.Purpose;
import org.fujie.pki.validation.ValidationRequest;
import org.fujie.pki.validation.ValidationResult;
import org.fujie.pki.x509.SerialNumbers;
import org.fujie.service.audit.AuditEvent;
import org.fujie.service.audit.AuditedTransactions;
import org.fujie.service.problem.FujieException;
import org.fujie.service.security.CertificateRoleResolver;
import org.fujie.trust.problem.TrustProblem;
import org.springframework.dao.DuplicateKeyException;

/**
 * Certificate log-in: the answer to a one-time challenge is checked in this order, each step able to end it: the
 * challenge must be one this service handed out and not expired, the signature over its nonce must verify with the
 * certificate's key (cheap, and proves possession before anything is fetched for the certificate), the key usage
 * must allow digital signatures, and the certificate must validate now for client authentication against the trust
 * anchors, with revocation information no older than the configured maximum. Then a token is signed, and handed out
 * once the challenge is used up in the transaction that audits the success; a challenge answered before (a replay)
 * fails there. Every outcome is audited, every failure after the challenge uses it up too, and failures count
 * against the subject and the address.
 */
public final class CertificateLogin {

    /** What the user sent. */
    public record Answer(String challengeId, String certificatePem, String chainPem, String signature) {
    }

    private static final String REPLAYED = "the challenge was answered before";

    private final Challenges challenges;
    private final LoginCertificates certificates;
    private final Supplier<CertificateValidator> validators;
    private final CertificateRoleResolver roles;
    private final AccessTokens tokens;
    private final LoginThrottle throttle;
    private final AuditedTransactions audit;

    CertificateLogin(Challenges challenges, LoginCertificates certificates, Supplier<CertificateValidator> validators,
            CertificateRoleResolver roles, AccessTokens tokens, LoginThrottle throttle, AuditedTransactions audit) {
        this.challenges = challenges;
        this.certificates = certificates;
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
        Challenges.Challenge challenge = challenges.open(answer.challengeId()).orElse(null);
        if (challenge == null) {
            throw fail(clientAddress, null, null, "the challenge is unknown or expired");
        }
        LoginCertificates.Presented presented;
        try {
            presented = certificates.read(answer.certificatePem(), answer.chainPem());
        } catch (IllegalArgumentException e) {
            throw fail(clientAddress, null, challenge, "the certificate cannot be read: " + e.getMessage());
        }
        LoginCertificates.LoginCertificate user = presented.user();
        wait = throttle.subjectWait(user.subject());
        if (wait != null) {
            throw new LoginThrottledException("for " + user.subject(), wait);
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(answer.signature().trim());
        } catch (IllegalArgumentException e) {
            throw fail(clientAddress, user, challenge, "the signature is not base64");
        }
        if (!LoginSignatures.verify(user.verifyingKey(), challenge.nonce(), signature)) {
            throw fail(clientAddress, user, challenge, "the signature over the nonce does not verify with the certificate's key");
        }
        X509Certificate certificate = user.certificate();
        boolean[] keyUsage = certificate.getKeyUsage();
        if (keyUsage != null && !keyUsage[0]) {
            throw fail(clientAddress, user, challenge, "the certificate's key usage does not allow digital signatures");
        }
        ValidationResult result = validators.get().validate(
                new ValidationRequest(certificate, presented.chain(), null, Purpose.TLS_CLIENT));
        if (!result.valid()) {
            throw fail(clientAddress, user, challenge, "the certificate is not valid for log-in: " + result.indication() + "/"
                    + result.subIndication() + ": " + result.detail());
        }
        LoginIdentity identity = new LoginIdentity(user.subject(), SerialNumbers.toHex(certificate.getSerialNumber()),
                user.fingerprint(), user.thumbprint(), user.organization(),
                roles.resolve(user.subject(), user.fingerprint()).roles(), certificate.getNotAfter().toInstant());
        AccessTokens.Issued issued = tokens.issue(identity);
        AuditEvent success = AuditEvent.of(actor(user), "login.success", "certificate:" + identity.serial(),
                Map.of("jti", issued.jti(), "tokenRoles", identity.roles().toString()));
        if (!useUp(challenge, success, failure(clientAddress, user, REPLAYED))) {
            throttle.failed(clientAddress, user.subject());
            throw new FujieException(TrustProblem.LOGIN_FAILED, REPLAYED);
        }
        return issued;
    }

    /**
     * Uses the challenge up and records the outcome in one transaction: the success, or the replay if it was used
     * before. The token is handed out only after that commit.
     */
    private boolean useUp(Challenges.Challenge challenge, AuditEvent success, AuditEvent replay) {
        try {
            return audit.executeAudited(jdbc -> challenges.useUp(jdbc, challenge)
                    ? new AuditedTransactions.Audited<>(true, success) : new AuditedTransactions.Audited<>(false, replay));
        } catch (DuplicateKeyException answeredConcurrently) {
            audit.record(replay);
            return false;
        }
    }

    /** A failed log-in: counted, audited and, once a challenge was presented, using it up. */
    private FujieException fail(String address, LoginCertificates.LoginCertificate user, Challenges.Challenge challenge,
            String reason) {
        throttle.failed(address, user == null ? null : user.subject());
        AuditEvent failure = failure(address, user, reason);
        if (challenge == null) {
            audit.record(failure);
        } else {
            try {
                audit.execute(failure, jdbc -> challenges.useUp(jdbc, challenge));
            } catch (DuplicateKeyException answeredConcurrently) {
                audit.record(failure);
            }
        }
        return new FujieException(TrustProblem.LOGIN_FAILED, reason);
    }

    private static AuditEvent failure(String address, LoginCertificates.LoginCertificate user, String reason) {
        return AuditEvent.of(user == null ? "anonymous" : actor(user), "login.failure",
                user == null ? "client:" + address : "subject:" + user.subject(), Map.of("reason", reason)).failed();
    }

    private static String actor(LoginCertificates.LoginCertificate user) {
        return user.subject() + " [sha256:" + user.fingerprint() + "]";
    }
}
