package org.fujie.ca.issuance;

import org.fujie.ca.store.CertificateRecord;

/** A stored certificate with its PEM forms and, for server-side key generation, the PKCS#12 file. */
public record IssuedCertificate(CertificateRecord record, String issuer, String certificatePem, String chainPem, byte[] pkcs12) {
}
