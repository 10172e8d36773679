package org.fujie.client.sdk.ca;

import java.time.Instant;

/**
 * A certificate as ca-service shows it. {@code chainPem} is the issuer's chain without the leaf; {@code status} is
 * VALID, REVOKED or ON_HOLD; the revocation fields are set once it is revoked or on hold.
 */
public record Certificate(String serialNumber, String subject, String issuer, String caId, String profile, String status,
        Instant notBefore, Instant notAfter, String fingerprint, String certificatePem, String chainPem,
        Instant revokedAt, String revocationReason, Instant invalidityDate) {
}
