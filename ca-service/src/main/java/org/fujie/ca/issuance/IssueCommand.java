package org.fujie.ca.issuance;

import java.util.List;
import java.util.Map;

/**
 * A request for a certificate: from a CSR, or (with keyGeneration and no CSR) for a key the service
 * generates and returns in a PKCS#12 file. Null subject and sans mean "take them from the CSR"; identity names GM/T 0015
 * identity extensions and their values (null for none).
 */
public record IssueCommand(String profile, String caId, String csrPem, String subject, List<String> sans,
        Map<String, String> identity, Integer validityDays, KeyGeneration keyGeneration) {

    public record KeyGeneration(String algorithm, char[] password) {
        @Override
        public String toString() {
            return "KeyGeneration[" + algorithm + ", password=***]";
        }
    }
}
