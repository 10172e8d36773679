package org.fujie.pki.pdf;

/** The PAdES baseline level a signature reached (ETSI EN 319 142-1, 6.3), or none. */
public enum PdfLevel {
    /** Not a PAdES baseline signature (adbe.pkcs7.detached, no signing-certificate attribute) or not valid. */
    NONE("none"),
    B_B("B-B"),
    B_T("B-T"),
    B_LT("B-LT"),
    B_LTA("B-LTA");

    private final String label;

    PdfLevel(String label) {
        this.label = label;
    }

    /** As EN 319 142-1 writes it: "B-B", "B-T", "B-LT", "B-LTA", or "none". */
    public String label() {
        return label;
    }
}
