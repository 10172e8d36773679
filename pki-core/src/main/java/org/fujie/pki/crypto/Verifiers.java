package org.fujie.pki.crypto;

import java.io.IOException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signature verifiers for a key or a certificate, over Bouncy Castle (the fast provider for EC and the only one for SM2,
 * shared/FACTS.md). SM2 keys go through {@link Sm2}, so every SM2 check uses the deployment's user ID; Bouncy Castle's
 * builders would silently take the default one.
 */
public final class Verifiers {

    private Verifiers() {
    }

    public static ContentVerifierProvider of(PublicKey key) throws OperatorCreationException {
        if (Sm2.isSm2(key)) {
            return Sm2.verifierProvider(key);
        }
        return new JcaContentVerifierProviderBuilder().setProvider(CryptoProviders.bouncyCastle()).build(key);
    }

    public static ContentVerifierProvider of(SubjectPublicKeyInfo key) throws OperatorCreationException {
        try {
            return of(BouncyCastleProvider.getPublicKey(key));
        } catch (IOException e) {
            throw new OperatorCreationException("the public key cannot be read: " + e.getMessage(), e);
        }
    }

    /** For CMS signer infos made with the key, whatever certificate is claimed (path validation judges that). */
    public static SignerInformationVerifier signerInfo(PublicKey key) throws OperatorCreationException {
        if (Sm2.isSm2(key)) {
            return sm2SignerInfo(Sm2.verifierProvider(key));
        }
        return new JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProviders.bouncyCastle()).build(key);
    }

    /** For time-stamp tokens, whose validation also checks the signer certificate's validity and key usage. */
    public static SignerInformationVerifier signerInfo(X509Certificate signer) throws OperatorCreationException {
        if (Sm2.isSm2(signer.getPublicKey())) {
            try {
                return sm2SignerInfo(Sm2.verifierProvider(signer.getPublicKey(), new X509CertificateHolder(signer.getEncoded())));
            } catch (IOException | CertificateEncodingException e) {
                throw new OperatorCreationException("the certificate cannot be read: " + e.getMessage(), e);
            }
        }
        return new JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProviders.bouncyCastle()).build(signer);
    }

    /**
     * GM/T 0010 names the SignerInfo's signature algorithm SM2-1 (1.2.156.10197.1.301.1) where Bouncy Castle and most
     * writers put SM3withSM2 (1.2.156.10197.1.501): both are read as SM3withSM2.
     */
    private static final class Sm2SignatureNames extends DefaultCMSSignatureAlgorithmNameGenerator {
        Sm2SignatureNames() {
            setSigningEncryptionAlgorithmMapping(GMObjectIdentifiers.sm2sign, "SM2");
        }
    }

    private static SignerInformationVerifier sm2SignerInfo(ContentVerifierProvider verifiers) throws OperatorCreationException {
        return new SignerInformationVerifier(new Sm2SignatureNames(),
                new DefaultSignatureAlgorithmIdentifierFinder(), verifiers,
                new JcaDigestCalculatorProviderBuilder().setProvider(CryptoProviders.bouncyCastle()).build());
    }

    /** Whether the certificate's signature verifies with the key; false on any error. */
    public static boolean signedBy(X509Certificate certificate, PublicKey key) {
        try {
            if (Sm2.isSm2(key)) {
                return new X509CertificateHolder(certificate.getEncoded()).isSignatureValid(Sm2.verifierProvider(key));
            }
            certificate.verify(key, CryptoProviders.bouncyCastle());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
