package org.fujie.pki.validation;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.crypto.Sm2;
import org.fujie.pki.crypto.Sm2IdProvider;

/**
 * RFC 5280 6.1 path validation by the JDK's PKIX validator (signatures, validity at the time, name
 * chaining, basic constraints, key usage, name constraints, policies, critical extensions) with its
 * revocation checking off: {@link RevocationChecker} does that after. Signatures go through Bouncy
 * Castle; paths with SM2 keys or signatures go to Bouncy Castle's validator as a whole. The anchor's own validity is not part of RFC 5280's algorithm; it is checked here as OpenSSL
 * does, so an expired root fails as EXPIRED.
 */
final class PkixCheck {

    /** Why the path failed, in the validator's words; index into the path (certificate first), -1 when none. */
    record Failure(SubIndication subIndication, int index, String message) {
    }

    /** Shared by every validator of the JVM: a path's verdict is the same whoever asks (see ValidatedPaths). */
    static final ValidatedPaths VALIDATED = new ValidatedPaths(10_000);

    private PkixCheck() {
    }

    /** Null when the path (certificate first, anchor last) is valid at the time. */
    static Failure validate(List<X509Certificate> path, Instant at) {
        if (VALIDATED.passedAt(path, at)) {
            return null;
        }
        Failure failure = check(path, at);
        if (failure == null) {
            VALIDATED.remember(path);
        }
        return failure;
    }

    private static Failure check(List<X509Certificate> path, Instant at) {
        X509Certificate anchor = path.get(path.size() - 1);
        List<X509Certificate> certificates = path.subList(0, path.size() - 1);
        if (!certificates.isEmpty()) {
            try {
                boolean sm2 = path.stream().anyMatch(PkixCheck::involvesSm2);
                // The JDK cannot read SM2 keys: such paths go to Bouncy Castle's validator, whose SM2 signatures must
                // carry the deployment's user ID (Sm2IdProvider) rather than Bouncy Castle's default.
                CertificateFactory factory = sm2 ? CertificateFactory.getInstance("X.509", CryptoProviders.bouncyCastle())
                        : CertificateFactory.getInstance("X.509");
                PKIXParameters parameters = new PKIXParameters(Set.of(new java.security.cert.TrustAnchor(anchor, null)));
                parameters.setRevocationEnabled(false);
                parameters.setDate(Date.from(at));
                parameters.setSigProvider(sm2 ? Sm2IdProvider.registered() : CryptoProviders.bouncyCastle().getName());
                // RFC 5280 4.2.1.4 allows qualifiers; the JDK's default would reject a critical policies extension with them.
                parameters.setPolicyQualifiersRejected(false);
                CertPathValidator validator = sm2 ? CertPathValidator.getInstance("PKIX", CryptoProviders.bouncyCastle())
                        : CertPathValidator.getInstance("PKIX");
                validator.validate(factory.generateCertPath(sm2 ? bouncyCastle(certificates) : certificates), parameters);
            } catch (CertPathValidatorException e) {
                return new Failure(subIndication(e), e.getIndex(), e.getMessage());
            } catch (GeneralSecurityException e) {
                return new Failure(SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE, -1, e.getMessage());
            }
        }
        try {
            anchor.checkValidity(Date.from(at));
        } catch (java.security.cert.CertificateExpiredException e) {
            return new Failure(SubIndication.EXPIRED, path.size() - 1, "the trust anchor has expired");
        } catch (java.security.cert.CertificateNotYetValidException e) {
            return new Failure(SubIndication.NOT_YET_VALID, path.size() - 1, "the trust anchor is not yet valid");
        }
        return null;
    }

    /** Bouncy Castle's own objects, so its validator verifies with its own code (a JDK certificate knows no SM2 OID). */
    private static List<X509Certificate> bouncyCastle(List<X509Certificate> certificates) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509", CryptoProviders.bouncyCastle());
        List<X509Certificate> read = new java.util.ArrayList<>();
        for (X509Certificate certificate : certificates) {
            read.add((X509Certificate) factory.generateCertificate(new java.io.ByteArrayInputStream(certificate.getEncoded())));
        }
        return read;
    }

    private static boolean involvesSm2(X509Certificate certificate) {
        return Sm2.isSm2(certificate.getPublicKey()) || Sm2.SM3_WITH_SM2.getAlgorithm().getId().equals(certificate.getSigAlgOID());
    }

    /**
     * EN 319 102-1 5.2.6.4 says a path that fails for a reason other than revocation or expiry is
     * INDETERMINATE/CERTIFICATE_CHAIN_GENERAL_FAILURE. A signature that does not verify is the exception
     * we make: no other data can repair it, and the standard pairs TOTAL_FAILED with SIG_CRYPTO_FAILURE
     * only (CERTIFICATE_CHAIN_GENERAL_FAILURE exists under INDETERMINATE alone).
     */
    private static SubIndication subIndication(CertPathValidatorException e) {
        // Bouncy Castle's validator (SM2 paths) gives no reason for validity failures, only the cause.
        for (Throwable cause = e.getCause(); cause != null && e.getReason() == BasicReason.UNSPECIFIED; cause = cause.getCause()) {
            if (cause instanceof java.security.cert.CertificateExpiredException) {
                return SubIndication.EXPIRED;
            }
            if (cause instanceof java.security.cert.CertificateNotYetValidException) {
                return SubIndication.NOT_YET_VALID;
            }
        }
        CertPathValidatorException.Reason reason = e.getReason();
        if (reason == BasicReason.INVALID_SIGNATURE) {
            return SubIndication.SIG_CRYPTO_FAILURE;
        }
        if (reason == BasicReason.EXPIRED) {
            return SubIndication.EXPIRED;
        }
        if (reason == BasicReason.NOT_YET_VALID) {
            return SubIndication.NOT_YET_VALID;
        }
        if (reason == BasicReason.ALGORITHM_CONSTRAINED) {
            return SubIndication.CRYPTO_CONSTRAINTS_FAILURE;
        }
        if (reason == PKIXReason.NO_TRUST_ANCHOR) {
            return SubIndication.NO_CERTIFICATE_CHAIN_FOUND;
        }
        return SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE;
    }
}
