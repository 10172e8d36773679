package org.fujie.client.sdk.trust;

import java.util.List;

/** The answer of a certificate validation: path lists the subjects from the certificate to the anchor. */
public record Validation(boolean valid, String indication, String subIndication, List<String> path,
        List<RevocationFinding> revocation, String detail, String validationTime) {
}
