package org.fujie.pki.cms;

/** The baseline level a PAdES (ETSI EN 319 142-1 6.3), CAdES (EN 319 122-1 6.3) or XAdES (EN 319 132-1 6.3) signature reached, or none. */
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

    /**
     * The level an intact CAdES or XAdES signature reached: B-T with a valid signature time-stamp, B-LT when every
     * revocation finding of the signer's path came from the signature's own validation data, B-LTA with a valid archive
     * time-stamp over that.
     *
     * @param embeddedUrl the url the findings from the signature's own data carry
     */
    public static BaselineLevel reached(org.fujie.pki.validation.ValidationResult chain, VerifiedTimestamp timestamp,
            java.util.List<VerifiedTimestamp> archives, boolean carriesValidationData, String embeddedUrl) {
        if (timestamp == null || !timestamp.valid()) {
            return B_B;
        }
        var revocation = chain.revocation();
        boolean embedded = carriesValidationData && !revocation.isEmpty()
                && revocation.stream().allMatch(f -> embeddedUrl.equals(f.url()));
        if (!embedded) {
            return B_T;
        }
        return archives.stream().anyMatch(VerifiedTimestamp::valid) ? B_LTA : B_LT;
    }

    /** As EN 319 142-1 and 319 122-1 write it: "B-B", "B-T", "B-LT", "B-LTA", or "none". */
    public String label() {
        return label;
    }
}
