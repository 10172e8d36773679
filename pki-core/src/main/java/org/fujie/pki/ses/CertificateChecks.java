package org.fujie.pki.ses;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.fujie.pki.validation.SubIndication;
import org.fujie.pki.validation.ValidationResult;

/**
 * The certificate checks GB/T 38540 names for the maker and the signer ("信任链、有效期、是否被撤销、密钥用法"): one
 * CertificateValidator verdict split into chain, validity and revocation by its sub-indication (the validator runs them
 * in that order, so those before the failing one passed), then the key usage, which PKIX checks for CAs only.
 */
final class CertificateChecks {

    private CertificateChecks() {
    }

    static List<SesCheckResult> of(ValidationResult result, X509Certificate certificate, SesCheck chain, SesCheck validity,
            SesCheck revocation, SesCheck keyUsage, String who) {
        List<SesCheckResult> checks = new ArrayList<>();
        int failedAt = result.valid() ? 3 : step(result.subIndication());
        SesCheck[] order = {chain, validity, revocation};
        for (int i = 0; i < 3 && i <= failedAt; i++) {
            checks.add(i < failedAt ? SesCheckResult.passed(order[i], who + ": " + (i == 0 ? "chains to a trust anchor"
                    : i == 1 ? "within its validity" : "not revoked"))
                    : SesCheckResult.failed(order[i], result.indication(), result.subIndication(), who + ": " + result.detail()));
        }
        if (result.valid()) {
            checks.add(keyUsage(certificate, keyUsage, who));
        }
        return checks;
    }

    /** RFC 5280 4.2.1.3: without the extension any use is allowed; with it, a signature needs bit 0 or 1. */
    private static SesCheckResult keyUsage(X509Certificate certificate, SesCheck check, String who) {
        boolean[] usage = certificate.getKeyUsage();
        if (usage == null || (usage.length > 0 && usage[0]) || (usage.length > 1 && usage[1])) {
            return SesCheckResult.passed(check, who + ": its key usage allows signatures");
        }
        return SesCheckResult.failed(check, SubIndication.CHAIN_CONSTRAINTS_FAILURE,
                who + ": its key usage allows neither digitalSignature nor nonRepudiation");
    }

    private static int step(SubIndication sub) {
        return switch (sub) {
            case EXPIRED, NOT_YET_VALID, OUT_OF_BOUNDS_NO_POE -> 1;
            case REVOKED, REVOKED_NO_POE, REVOKED_CA_NO_POE, TRY_LATER, REVOCATION_OUT_OF_BOUNDS_NO_POE -> 2;
            default -> 0;
        };
    }
}
