package org.fujie.client.boot.mtls;

import java.security.cert.X509Certificate;
import java.util.List;

import org.fujie.client.boot.support.Certificates;
import org.fujie.client.boot.trust.CertificateVerdict;
import org.fujie.client.boot.trust.TrustServiceClient;

/**
 * Asks trust-service: path to its trust anchors, validity, key usage for the purpose, and revocation (OCSP, then
 * CRL). The chain sent along is what the client presented, or Fujie's CA chain when it presented only its own
 * certificate (as most clients do), so trust-service need not fetch the issuer.
 */
public final class OnlineCertificateVerifier implements CertificateVerifier {

    private final TrustServiceClient trustService;
    private final String purpose;
    private final String fujieChainPem;

    public OnlineCertificateVerifier(TrustServiceClient trustService, String purpose, List<X509Certificate> fujieChain) {
        this.trustService = trustService;
        this.purpose = purpose;
        this.fujieChainPem = Certificates.pem(fujieChain);
    }

    @Override
    public CertificateVerdict verify(X509Certificate certificate, List<X509Certificate> presentedChain) {
        String chain = presentedChain.isEmpty() ? fujieChainPem : Certificates.pem(presentedChain);
        return trustService.validate(Certificates.pem(certificate), chain, purpose);
    }
}
