package org.fujie.pki.operator;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.util.Objects;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.crypto.Sm2;

/** A signing key whose private half is a JCA {@link PrivateKey} in this process. */
public final class JcaSigningKey implements SigningKey {

    private final String alias;
    private final KeyAlgorithm algorithm;
    private final PrivateKey privateKey;
    private final SubjectPublicKeyInfo publicKeyInfo;
    private final Provider provider;

    public JcaSigningKey(String alias, KeyAlgorithm algorithm, PrivateKey privateKey, SubjectPublicKeyInfo publicKeyInfo) {
        this(alias, algorithm, privateKey, publicKeyInfo, null);
    }

    /** A key only its own provider can sign with (a PKCS#11 token's), or null for the algorithm's usual provider. */
    public JcaSigningKey(String alias, KeyAlgorithm algorithm, PrivateKey privateKey, SubjectPublicKeyInfo publicKeyInfo,
            Provider provider) {
        this.alias = Objects.requireNonNull(alias);
        this.algorithm = Objects.requireNonNull(algorithm);
        this.privateKey = Objects.requireNonNull(privateKey);
        this.publicKeyInfo = Objects.requireNonNull(publicKeyInfo);
        this.provider = provider;
    }

    @Override
    public String alias() {
        return alias;
    }

    @Override
    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public SubjectPublicKeyInfo publicKeyInfo() {
        return publicKeyInfo;
    }

    @Override
    public ContentSigner newContentSigner() {
        if (algorithm == KeyAlgorithm.SM2 && provider == null) {
            try {
                return Sm2.contentSigner(privateKey);
            } catch (GeneralSecurityException e) {
                throw new KeyBackendException("cannot create a signer for key " + alias, e);
            }
        }
        JcaContentSignerBuilder builder = new JcaContentSignerBuilder(algorithm.signatureAlgorithm())
                .setSecureRandom(CryptoProviders.secureRandom());
        if (provider != null) {
            builder.setProvider(provider);
        } else if (algorithm.provider() != null) {
            builder.setProvider(CryptoProviders.bouncyCastle());
        }
        try {
            return builder.build(privateKey);
        } catch (OperatorCreationException e) {
            throw new KeyBackendException("cannot create a signer for key " + alias, e);
        }
    }

    @Override
    public String toString() {
        return "JcaSigningKey[" + alias + ", " + algorithm.id() + "]";
    }
}
