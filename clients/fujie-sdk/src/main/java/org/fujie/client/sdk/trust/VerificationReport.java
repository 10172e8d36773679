package org.fujie.client.sdk.trust;

import java.util.List;

/** {@code POST /api/v1/verify}: TOTAL_PASSED, TOTAL_FAILED or INDETERMINATE over all signatures (ETSI EN 319 102-1). */
public record VerificationReport(String indication, String subIndication, String detail, List<SignatureReport> signatures) {

    public boolean passed() {
        return "TOTAL_PASSED".equals(indication);
    }
}
