package org.fujie.pki;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.JcaSigningKey;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.x509.CertificateSigner;
import org.fujie.pki.x509.CertificateTemplate;
import org.fujie.pki.x509.Extensions;
import org.fujie.pki.x509.Pem;
import org.fujie.pki.x509.SerialNumbers;
import org.fujie.pki.x509.SubjectNames;

/** Keys and certificates for tests: roots, intermediates and leaves made with Fujie's own signer. */
public final class TestCertificates {

    private TestCertificates() {
    }

    /** A certificate with the key pair of its subject. */
    public record Issued(X509CertificateHolder certificate, KeyPair keyPair, SigningKey signingKey) {

        public X509Certificate x509() {
            try {
                return Pem.parseCertificate(certificate.getEncoded());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String pem() {
            try {
                return Pem.certificate(certificate.getEncoded());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static SigningKey signingKey(String alias, KeyAlgorithm algorithm, KeyPair keyPair) {
        return new JcaSigningKey(alias, algorithm, keyPair.getPrivate(), spki(keyPair));
    }

    /**
     * The private key as PEM PKCS#8 version 1 (RFC 5208), which OpenSSL 3.0 reads; Bouncy Castle encodes
     * Ed25519 keys as version 2 with the public key (RFC 5958), which it does not.
     */
    public static String privateKeyPem(PrivateKey key) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
            PrivateKeyInfo v1 = new PrivateKeyInfo(info.getPrivateKeyAlgorithm(), info.parsePrivateKey(), info.getAttributes());
            return Pem.encode("PRIVATE KEY", v1.getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SubjectPublicKeyInfo spki(KeyPair keyPair) {
        return SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded());
    }

    public static Issued root(KeyAlgorithm algorithm, String subject) {
        KeyPair keyPair = algorithm.generateKeyPair();
        SigningKey key = signingKey("root", algorithm, keyPair);
        X500Name name = SubjectNames.parse(subject);
        X509CertificateHolder certificate = CertificateSigner.selfSigned(name, key)
                .sign(template(name, key.publicKeyInfo(), caExtensions()));
        return new Issued(certificate, keyPair, key);
    }

    public static Issued intermediate(Issued issuer, KeyAlgorithm algorithm, String subject) {
        return issue(issuer, algorithm, subject, caExtensions());
    }

    public static Issued leaf(Issued issuer, KeyAlgorithm algorithm, String subject, Extension... extra) {
        List<Extension> extensions = new ArrayList<>(leafExtensions());
        extensions.addAll(List.of(extra));
        return issue(issuer, algorithm, subject, extensions);
    }

    public static Issued issue(Issued issuer, KeyAlgorithm algorithm, String subject, List<Extension> extensions) {
        KeyPair keyPair = algorithm.generateKeyPair();
        X509CertificateHolder certificate = CertificateSigner.forIssuer(issuer.certificate(), issuer.signingKey())
                .sign(template(SubjectNames.parse(subject), spki(keyPair), extensions));
        return new Issued(certificate, keyPair, signingKey("leaf", algorithm, keyPair));
    }

    public static CertificateTemplate template(X500Name subject, SubjectPublicKeyInfo publicKey, List<Extension> extensions) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new CertificateTemplate(SerialNumbers.next(), subject, publicKey,
                now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(30)), extensions);
    }

    public static List<Extension> caExtensions() {
        return List.of(
                Extensions.critical(Extension.basicConstraints, new BasicConstraints(true)),
                Extensions.critical(Extension.keyUsage, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)));
    }

    public static List<Extension> leafExtensions() {
        return List.of(
                Extensions.critical(Extension.basicConstraints, new BasicConstraints(false)),
                Extensions.critical(Extension.keyUsage, new KeyUsage(KeyUsage.digitalSignature)),
                Extensions.nonCritical(Extension.extendedKeyUsage, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)));
    }
}
