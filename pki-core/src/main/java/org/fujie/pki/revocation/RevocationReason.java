package org.fujie.pki.revocation;

import java.util.Locale;
import java.util.Optional;

/** The CRLReason values of RFC 5280 5.3.1 under their RFC names; code 7 is unused by the RFC. */
public enum RevocationReason {
    UNSPECIFIED("unspecified", 0),
    KEY_COMPROMISE("keyCompromise", 1),
    CA_COMPROMISE("cACompromise", 2),
    AFFILIATION_CHANGED("affiliationChanged", 3),
    SUPERSEDED("superseded", 4),
    CESSATION_OF_OPERATION("cessationOfOperation", 5),
    CERTIFICATE_HOLD("certificateHold", 6),
    REMOVE_FROM_CRL("removeFromCRL", 8),
    PRIVILEGE_WITHDRAWN("privilegeWithdrawn", 9),
    AA_COMPROMISE("aACompromise", 10);

    private final String rfcName;
    private final int code;

    RevocationReason(String rfcName, int code) {
        this.rfcName = rfcName;
        this.code = code;
    }

    public String rfcName() {
        return rfcName;
    }

    public int code() {
        return code;
    }

    /** By RFC name, ignoring case ("keyCompromise", "KEYCOMPROMISE"). */
    public static Optional<RevocationReason> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (RevocationReason reason : values()) {
            if (reason.rfcName.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }

    public static RevocationReason fromCode(int code) {
        for (RevocationReason reason : values()) {
            if (reason.code == code) {
                return reason;
            }
        }
        throw new IllegalArgumentException("no CRLReason with code " + code);
    }
}
