package org.fujie.ca.store;

import java.time.Instant;

/** An issued certificate as stored. */
public record CertificateRecord(String serial, String caId, String profile, String subject, String status,
        Instant notBefore, Instant notAfter, String fingerprint, byte[] der, String requestedBy, Instant issuedAt) {

    public static final String VALID = "VALID";
}
