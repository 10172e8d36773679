package org.fujie.pki.pades;

import java.util.Calendar;
import java.util.Objects;

import org.fujie.pki.cms.BaselineLevel;

/**
 * What to sign: the baseline level (ETSI EN 319 142-1 6: B-B, B-T, B-LT, B-LTA), where the seal is seen (null for an
 * invisible signature), the reason shown, the signing time written as /M, and whether the seal certifies the document.
 *
 * @param certify null for an approval signature; else the DocMDP P of a certification (1, 2 or 3, see {@link Certification})
 */
public record PadesParameters(BaselineLevel level, SealAppearance appearance, String reason, Calendar signingTime, Integer certify) {

    public PadesParameters(BaselineLevel level, SealAppearance appearance, String reason, Calendar signingTime) {
        this(level, appearance, reason, signingTime, null);
    }

    public PadesParameters {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(signingTime, "signingTime");
        if (level == BaselineLevel.NONE) {
            throw new IllegalArgumentException("a PAdES signature is made at B-B, B-T, B-LT or B-LTA");
        }
        if (certify != null && (certify < 1 || certify > 3)) {
            throw new IllegalArgumentException("a certification permits changes 1, 2 or 3 (ISO 32000-1 12.8.2.2)");
        }
    }

    public static PadesParameters baselineB(SealAppearance appearance, String reason, Calendar signingTime) {
        return new PadesParameters(BaselineLevel.B_B, appearance, reason, signingTime);
    }

    public PadesParameters at(BaselineLevel newLevel) {
        return new PadesParameters(newLevel, appearance, reason, signingTime, certify);
    }
}
