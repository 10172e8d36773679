package org.fujie.pki.x509;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.fujie.pki.operator.DeferredSigningKey;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.revocation.CrlSigner;

/**
 * How to sign: turns an approved {@link CertificateTemplate} into a certificate under one issuer.
 * It adds only what follows from the keys (subject and authority key identifiers, RFC 5280 4.2.1.1
 * and 4.2.1.2, method 1) and never judges the template: policy ran before it was called.
 */
public final class CertificateSigner {

    private final X500Name issuerName;
    private final byte[] issuerKeyId;
    private final SigningKey key;

    private CertificateSigner(X500Name issuerName, byte[] issuerKeyId, SigningKey key) {
        this.issuerName = issuerName;
        this.issuerKeyId = issuerKeyId;
        this.key = key;
    }

    /** A signer for certificates issued by the CA whose certificate and key are given. */
    public static CertificateSigner forIssuer(X509CertificateHolder issuer, SigningKey key) {
        SubjectKeyIdentifier ski = SubjectKeyIdentifier.fromExtensions(issuer.getExtensions());
        byte[] keyId = ski != null ? ski.getKeyIdentifier() : keyIdentifier(issuer.getSubjectPublicKeyInfo());
        return new CertificateSigner(issuer.getSubject(), keyId, key);
    }

    /** A signer for the one self-signed certificate of a root whose subject is given. */
    public static CertificateSigner selfSigned(X500Name subject, SigningKey key) {
        return new CertificateSigner(subject, keyIdentifier(key.publicKeyInfo()), key);
    }

    /** Why the issuer's key cannot sign now (its backend is down), or null. */
    public String keyUnavailableReason() {
        return key instanceof DeferredSigningKey deferred ? deferred.unavailableReason() : null;
    }

    public X500Name issuerName() {
        return issuerName;
    }

    /** The signer of this issuer's CRLs: same name, same key, same key identifier. */
    public CrlSigner crlSigner() {
        return new CrlSigner(issuerName, issuerKeyId, key);
    }

    public X509CertificateHolder sign(CertificateTemplate template) {
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                issuerName,
                template.serial(),
                Date.from(template.notBefore()),
                Date.from(template.notAfter()),
                template.subject(),
                template.publicKey());
        try {
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new SubjectKeyIdentifier(keyIdentifier(template.publicKey())));
            builder.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(issuerKeyId));
            for (Extension extension : template.extensions()) {
                builder.addExtension(extension);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode an extension", e);
        }
        return builder.build(key.newContentSigner());
    }

    /** RFC 5280 4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING. */
    public static byte[] keyIdentifier(SubjectPublicKeyInfo spki) {
        return Fingerprints.digest("SHA-1", spki.getPublicKeyData().getBytes());
    }
}
