package org.fujie.service.tls;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Where a service gets a new TLS server certificate: ca-service issues through its own issuance path, the
 * other services ask ca-service's API with their client credential.
 */
@FunctionalInterface
public interface TlsCertificateSource {

    /**
     * @param csrPem a PKCS#10 request signed by the new key
     * @param subject the RFC 4514 subject, as in the certificate being replaced
     * @param sans the subject alternative names ({@code dns:...}, {@code ip:...}), as in the certificate being replaced
     * @return the certificate for the request's key, then its issuer chain
     * @throws RuntimeException when the CA refuses or cannot be reached
     */
    List<X509Certificate> issue(String csrPem, String subject, List<String> sans);
}
