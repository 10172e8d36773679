package org.fujie.pki.validation;

import java.security.cert.X509Certificate;
import java.util.List;

import org.fujie.pki.x509.Pem;

/**
 * A certificate and its helper chain as read from untrusted PEM, within size limits: 64 KiB for the
 * certificate, 256 KiB and 16 certificates for the chain.
 */
public record CertificateInput(X509Certificate certificate, List<X509Certificate> chain) {

    static final int MAX_CERTIFICATE_CHARS = 64 * 1024;
    static final int MAX_CHAIN_CHARS = 256 * 1024;
    static final int MAX_CHAIN_CERTIFICATES = 16;

    /** Throws IllegalArgumentException, with a message fit for the caller, when the input is unusable. */
    public static CertificateInput parse(String certificatePem, String chainPem) {
        if (certificatePem == null || certificatePem.isBlank()) {
            throw new IllegalArgumentException("no certificate given");
        }
        if (certificatePem.length() > MAX_CERTIFICATE_CHARS) {
            throw new IllegalArgumentException("the certificate is larger than " + MAX_CERTIFICATE_CHARS + " characters");
        }
        List<byte[]> blocks = Pem.decodeAll(certificatePem, "CERTIFICATE");
        if (blocks.size() != 1) {
            throw new IllegalArgumentException("expected one PEM CERTIFICATE block, found " + blocks.size());
        }
        X509Certificate certificate = Pem.parseCertificate(blocks.get(0));
        if (chainPem == null || chainPem.isBlank()) {
            return new CertificateInput(certificate, List.of());
        }
        if (chainPem.length() > MAX_CHAIN_CHARS) {
            throw new IllegalArgumentException("the chain is larger than " + MAX_CHAIN_CHARS + " characters");
        }
        List<byte[]> chainBlocks = Pem.decodeAll(chainPem, "CERTIFICATE");
        if (chainBlocks.isEmpty() || chainBlocks.size() > MAX_CHAIN_CERTIFICATES) {
            throw new IllegalArgumentException("the chain must hold 1 to " + MAX_CHAIN_CERTIFICATES + " PEM certificates");
        }
        return new CertificateInput(certificate, chainBlocks.stream().map(Pem::parseCertificate).toList());
    }
}
