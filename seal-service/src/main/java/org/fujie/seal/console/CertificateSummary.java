package org.fujie.seal.console;

import java.security.cert.X509Certificate;
import java.time.Instant;

import org.fujie.pki.x509.Pem;

/** What the seal's page shows of its certificate: who it names, who issued it, its serial and validity. */
record CertificateSummary(String subject, String issuer, String serial, Instant notBefore, Instant notAfter, String algorithm) {

    static CertificateSummary of(byte[] der) {
        X509Certificate certificate = Pem.parseCertificate(der);
        return new CertificateSummary(certificate.getSubjectX500Principal().getName(), certificate.getIssuerX500Principal().getName(),
                certificate.getSerialNumber().toString(16), certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                certificate.getSigAlgName());
    }
}
