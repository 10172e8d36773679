package org.fujie.ca.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import org.bouncycastle.cert.X509CertificateHolder;

import org.fujie.pki.revocation.RevocationReason;
import org.fujie.pki.x509.Fingerprints;
import org.fujie.pki.x509.SerialNumbers;
import org.fujie.pki.x509.SubjectNames;

/** An issued certificate as stored, with its revocation when it has one. */
public record CertificateRecord(String serial, String caId, String profile, String subject, String status,
        Instant notBefore, Instant notAfter, String fingerprint, byte[] der, String requestedBy, Instant issuedAt,
        Revocation revocation) {

    public static final String VALID = "VALID";
    public static final String REVOKED = "REVOKED";
    /** Revoked with reason certificateHold: reversible (RFC 5280 5.3.1). */
    public static final String ON_HOLD = "ON_HOLD";

    /** When and why; invalidityDate is when the key is known or suspected to have been compromised (5.3.2). */
    public record Revocation(Instant revokedAt, RevocationReason reason, Instant invalidityDate) {
    }

    /** The stored form of a certificate just signed. */
    public static CertificateRecord of(X509CertificateHolder certificate, String caId, String profile, String requester,
            Instant issuedAt) {
        byte[] der;
        try {
            der = certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return issued(SerialNumbers.toHex(certificate.getSerialNumber()), caId, profile,
                SubjectNames.format(certificate.getSubject()), certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(), Fingerprints.sha256(der), der, requester, issuedAt);
    }

    /** A certificate just signed: valid, never revoked. */
    public static CertificateRecord issued(String serial, String caId, String profile, String subject, Instant notBefore,
            Instant notAfter, String fingerprint, byte[] der, String requestedBy, Instant issuedAt) {
        return new CertificateRecord(serial, caId, profile, subject, VALID, notBefore, notAfter, fingerprint, der,
                requestedBy, issuedAt, null);
    }
}
