package org.fujie.ca.authority;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.revocation.CrlSigner;
import org.fujie.pki.revocation.CrlTemplate;
import org.fujie.pki.x509.CertificateSigner;
import org.fujie.pki.x509.CertificateTemplate;
import org.fujie.pki.x509.Pem;
import org.fujie.pki.x509.SubjectNames;

/**
 * One CA: its certificate, the chain up to its root, and the signer of its key. The only object
 * through which a CA key signs; it signs whatever approved template it is given.
 */
public final class CertificateAuthority {

    private final String id;
    private final String parentId;
    private final KeyAlgorithm algorithm;
    private final List<X509CertificateHolder> chain;
    private final CertificateSigner signer;
    private final CrlSigner crlSigner;
    private final String chainPem;
    // Parsed once: Bouncy Castle re-parses the certificate's time strings on every call.
    private final Instant notBefore;
    private final Instant notAfter;

    public CertificateAuthority(String id, String parentId, KeyAlgorithm algorithm,
            List<X509CertificateHolder> chain, CertificateSigner signer) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a CA needs its certificate");
        }
        this.id = id;
        this.parentId = parentId;
        this.algorithm = algorithm;
        this.chain = List.copyOf(chain);
        this.signer = signer;
        this.crlSigner = signer.crlSigner();
        StringBuilder pem = new StringBuilder();
        for (X509CertificateHolder certificate : chain) {
            pem.append(Pem.certificate(encoded(certificate)));
        }
        this.chainPem = pem.toString();
        this.notBefore = chain.get(0).getNotBefore().toInstant();
        this.notAfter = chain.get(0).getNotAfter().toInstant();
    }

    /** Why this CA cannot sign now (its key backend is down), or null when it could at its last try. */
    public String keyUnavailableReason() {
        return signer.keyUnavailableReason();
    }

    public String id() {
        return id;
    }

    public String parentId() {
        return parentId;
    }

    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    public X509CertificateHolder certificate() {
        return chain.get(0);
    }

    /** This CA's certificate first, then its issuers up to the root. */
    public List<X509CertificateHolder> chain() {
        return chain;
    }

    public String chainPem() {
        return chainPem;
    }

    public String subject() {
        return SubjectNames.format(certificate().getSubject());
    }

    public Instant notAfter() {
        return notAfter;
    }

    public Instant notBefore() {
        return notBefore;
    }

    public X509CertificateHolder sign(CertificateTemplate template) {
        return signer.sign(template);
    }

    public X509CRLHolder signCrl(CrlTemplate template) {
        return crlSigner.sign(template);
    }

    static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
