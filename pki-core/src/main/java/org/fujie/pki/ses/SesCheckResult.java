package org.fujie.pki.ses;

import java.util.Objects;

import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.SubIndication;

/** The outcome of one {@link SesCheck}; subIndication is null exactly when it passed. */
public record SesCheckResult(SesCheck check, Indication indication, SubIndication subIndication, String detail) {

    public SesCheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(indication, "indication");
        if ((indication == Indication.TOTAL_PASSED) != (subIndication == null)) {
            throw new IllegalArgumentException(indication + " with sub-indication " + subIndication);
        }
    }

    public boolean passed() {
        return indication == Indication.TOTAL_PASSED;
    }

    static SesCheckResult passed(SesCheck check, String detail) {
        return new SesCheckResult(check, Indication.TOTAL_PASSED, null, detail);
    }

    static SesCheckResult failed(SesCheck check, Indication indication, SubIndication sub, String detail) {
        return new SesCheckResult(check, indication, sub, detail);
    }

    static SesCheckResult failed(SesCheck check, SubIndication sub, String detail) {
        return new SesCheckResult(check, sub.indication(), sub, detail);
    }
}
