package org.fujie.pki.pades;

import java.util.Calendar;
import java.util.Objects;

import org.fujie.pki.cms.BaselineLevel;

/**
 * What to sign: the baseline level (ETSI EN 319 142-1 6: B-B, B-T, B-LT, B-LTA), where the seal is seen (null for an
 * invisible signature), the reason shown, and the signing time written as /M.
 */
public record PadesParameters(BaselineLevel level, SealAppearance appearance, String reason, Calendar signingTime) {

    public PadesParameters {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(signingTime, "signingTime");
        if (level == BaselineLevel.NONE) {
            throw new IllegalArgumentException("a PAdES signature is made at B-B, B-T, B-LT or B-LTA");
        }
    }

    public static PadesParameters baselineB(SealAppearance appearance, String reason, Calendar signingTime) {
        return new PadesParameters(BaselineLevel.B_B, appearance, reason, signingTime);
    }

    public PadesParameters at(BaselineLevel newLevel) {
        return new PadesParameters(newLevel, appearance, reason, signingTime);
    }
}
