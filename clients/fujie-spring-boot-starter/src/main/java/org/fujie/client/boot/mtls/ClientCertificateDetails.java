package org.fujie.client.boot.mtls;

import java.security.cert.X509Certificate;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationDetailsSource;

/**
 * The certificates the client sent after its own in the TLS handshake (what Tomcat verified), kept with the
 * log-in request so the check with trust-service can send them along.
 */
public record ClientCertificateDetails(List<X509Certificate> presentedChain, String remoteAddress) {

    static final String CERTIFICATES_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";

    public ClientCertificateDetails {
        presentedChain = List.copyOf(presentedChain);
    }

    public static AuthenticationDetailsSource<HttpServletRequest, ClientCertificateDetails> source() {
        return request -> {
            X509Certificate[] sent = (X509Certificate[]) request.getAttribute(CERTIFICATES_ATTRIBUTE);
            List<X509Certificate> chain = sent == null || sent.length < 2 ? List.of() : List.of(sent).subList(1, sent.length);
            return new ClientCertificateDetails(chain, request.getRemoteAddr());
        };
    }
}
