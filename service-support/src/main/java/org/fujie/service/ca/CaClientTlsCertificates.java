package org.fujie.service.ca;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.fujie.pki.x509.Pem;
import org.fujie.service.tls.TlsCertificateSource;

/** A service's TLS certificate from ca-service's API (profile {@code tls-server}), asked with the service's client credential. */
public final class CaClientTlsCertificates implements TlsCertificateSource {

    private static final String PROFILE = "tls-server";

    private final CaClient ca;

    public CaClientTlsCertificates(CaClient ca) {
        this.ca = ca;
    }

    @Override
    public List<X509Certificate> issue(String csrPem, String subject, List<String> sans) {
        CaClient.Issued issued = ca.issue(PROFILE, csrPem, subject, sans);
        List<X509Certificate> chain = new ArrayList<>(Pem.parseCertificates(issued.certificatePem()));
        chain.addAll(Pem.parseCertificates(issued.chainPem()));
        return chain;
    }
}
