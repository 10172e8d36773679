package org.fujie.client.boot.mtls;

import java.security.cert.X509Certificate;
import java.util.List;

import org.fujie.client.boot.trust.CertificateVerdict;

/** Is this client certificate good for logging in, now. Throws TrustServiceUnavailableException when it cannot tell. */
@FunctionalInterface
public interface CertificateVerifier {

    /** @param presentedChain the certificates the client sent after its own (may be empty) */
    CertificateVerdict verify(X509Certificate certificate, List<X509Certificate> presentedChain);
}
