package org.fujie.pki.ses;

import java.util.ArrayList;
import java.util.List;

import org.fujie.pki.validation.SubIndication;
import org.fujie.pki.validation.ValidationResult;

/**
 * Splits one CertificateValidator verdict into the three checks GB/T 38540 names (chain, validity, revocation), by its
 * sub-indication: the validator runs them in that order, so those before the failing one passed.
 */
final class CertificateChecks {

    private CertificateChecks() {
    }

    static List<SesCheckResult> of(ValidationResult result, SesCheck chain, SesCheck validity, SesCheck revocation, String who) {
        List<SesCheckResult> checks = new ArrayList<>();
        int failedAt = result.valid() ? 3 : step(result.subIndication());
        SesCheck[] order = {chain, validity, revocation};
        for (int i = 0; i < 3 && i <= failedAt; i++) {
            checks.add(i < failedAt ? SesCheckResult.passed(order[i], who + ": " + (i == 0 ? "chains to a trust anchor"
                    : i == 1 ? "within its validity" : "not revoked"))
                    : SesCheckResult.failed(order[i], result.indication(), result.subIndication(), who + ": " + result.detail()));
        }
        return checks;
    }

    private static int step(SubIndication sub) {
        return switch (sub) {
            case EXPIRED, NOT_YET_VALID, OUT_OF_BOUNDS_NO_POE -> 1;
            case REVOKED, REVOKED_NO_POE, REVOKED_CA_NO_POE, TRY_LATER, REVOCATION_OUT_OF_BOUNDS_NO_POE -> 2;
            default -> 0;
        };
    }
}
