package org.fujie.pki.ocsp;

import java.util.List;

import org.bouncycastle.cert.ocsp.CertificateID;

/** What an OCSP request asks: the certificates, and the nonce to echo if it has one (RFC 6960 4.4.1). */
public record ParsedOcspRequest(List<CertificateID> certificates, byte[] nonce) {

    public boolean isSingleWithoutNonce() {
        return certificates.size() == 1 && nonce == null;
    }
}
