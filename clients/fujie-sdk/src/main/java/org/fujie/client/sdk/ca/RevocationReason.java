package org.fujie.client.sdk.ca;

/** RFC 5280 5.3.1 reasons, sent by their RFC names as CONTRACT.md says. */
public enum RevocationReason {
    KEY_COMPROMISE("keyCompromise"),
    CA_COMPROMISE("cACompromise"),
    AFFILIATION_CHANGED("affiliationChanged"),
    SUPERSEDED("superseded"),
    CESSATION_OF_OPERATION("cessationOfOperation"),
    /** Reversible with {@link CaClient#release}. */
    CERTIFICATE_HOLD("certificateHold"),
    PRIVILEGE_WITHDRAWN("privilegeWithdrawn");

    private final String rfcName;

    RevocationReason(String rfcName) {
        this.rfcName = rfcName;
    }

    public String rfcName() {
        return rfcName;
    }
}
