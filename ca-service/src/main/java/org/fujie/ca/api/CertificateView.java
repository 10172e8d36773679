package org.fujie.ca.api;

import org.fujie.ca.issuance.IssuedCertificate;
import org.fujie.ca.store.CertificateRecord;
import org.fujie.pki.x509.Pem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A certificate as the API shows it (CONTRACT.md). chainPem is the issuer's chain, leaf excluded. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CertificateView(String serialNumber, String subject, String issuer, String caId, String profile,
        String status, String notBefore, String notAfter, String fingerprint, String certificatePem, String chainPem,
        String pkcs12, String revokedAt, String revocationReason, String invalidityDate) {

    static CertificateView of(IssuedCertificate issued) {
        CertificateRecord r = issued.record();
        String pkcs12 = issued.pkcs12() == null ? null : java.util.Base64.getEncoder().encodeToString(issued.pkcs12());
        return new CertificateView(r.serial(), r.subject(), issued.issuer(), r.caId(), r.profile(), r.status(),
                r.notBefore().toString(), r.notAfter().toString(), r.fingerprint(), issued.certificatePem(),
                issued.chainPem(), pkcs12, null, null, null);
    }

    static CertificateView of(CertificateRecord r, String issuer, String chainPem) {
        return new CertificateView(r.serial(), r.subject(), issuer, r.caId(), r.profile(), r.status(),
                r.notBefore().toString(), r.notAfter().toString(), r.fingerprint(), Pem.certificate(r.der()), chainPem, null,
                r.revocation() == null ? null : r.revocation().revokedAt().toString(),
                r.revocation() == null ? null : r.revocation().reason().rfcName(),
                r.revocation() == null || r.revocation().invalidityDate() == null ? null : r.revocation().invalidityDate().toString());
    }
}
