package org.fujie.ca.issuance;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.fujie.pki.x509.Pem;
import org.fujie.service.tls.TlsCertificateSource;

/**
 * ca-service's own TLS certificate, renewed through its own issuance path (profile {@code tls-server}, the
 * default CA): the same policy, lint, storage and audit as any request, without a network round trip to itself.
 */
public final class LocalTlsCertificates implements TlsCertificateSource {

    static final String PROFILE = "tls-server";
    private static final String ACTOR = "system:tls-renewer";

    private final CertificateIssuer issuer;

    public LocalTlsCertificates(CertificateIssuer issuer) {
        this.issuer = issuer;
    }

    @Override
    public List<X509Certificate> issue(String csrPem, String subject, List<String> sans) {
        IssuedCertificate issued = issuer.issue(new IssueCommand(PROFILE, null, csrPem, subject, sans, null, null, null), ACTOR);
        List<X509Certificate> chain = new ArrayList<>(Pem.parseCertificates(issued.certificatePem()));
        chain.addAll(Pem.parseCertificates(issued.chainPem()));
        return chain;
    }
}
