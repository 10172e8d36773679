package org.fujie.pki.cms;

/** The baseline level a PAdES (ETSI EN 319 142-1, 6.3) or CAdES (EN 319 122-1, 6.3) signature reached, or none. */
public enum BaselineLevel {
    /** Not a baseline signature (adbe.pkcs7.detached, no signing-certificate attribute) or not intact. */
    NONE("none"),
    B_B("B-B"),
    B_T("B-T"),
    B_LT("B-LT"),
    B_LTA("B-LTA");

    private final String label;

    BaselineLevel(String label) {
        this.label = label;
    }

    /** As EN 319 142-1 and 319 122-1 write it: "B-B", "B-T", "B-LT", "B-LTA", or "none". */
    public String label() {
        return label;
    }
}
