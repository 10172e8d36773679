package org.fujie.pki.x509;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * What to sign: everything of a certificate that policy decided. The issuer's name, the authority key
 * identifier and the signature are added by {@link CertificateSigner}, which knows no policy.
 */
public record CertificateTemplate(
        BigInteger serial,
        X500Name subject,
        SubjectPublicKeyInfo publicKey,
        Instant notBefore,
        Instant notAfter,
        List<Extension> extensions) {

    public CertificateTemplate {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        extensions = List.copyOf(extensions);
        if (serial.signum() <= 0) {
            throw new IllegalArgumentException("serial must be positive");
        }
        if (!notBefore.isBefore(notAfter)) {
            throw new IllegalArgumentException("notBefore must precede notAfter");
        }
    }
}
