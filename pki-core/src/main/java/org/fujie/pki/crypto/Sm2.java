package org.fujie.pki.crypto;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.spec.ECNamedCurveSpec;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.RuntimeOperatorException;

/**
 * SM2 signatures (GB/T 32918.2, SM3withSM2, OID 1.2.156.10197.1.501) with the signer's distinguishing identifier always
 * given. The identifier goes into the hash (Z_A), so signer and verifier must agree on it; Bouncy Castle falls back to
 * the GM/T 0009 default when none is given and OpenSSL 3 uses none unless told, so Fujie never relies on a fallback: every
 * SM2 signature it makes or checks goes through here, with one identifier for the whole deployment (the default
 * {@value #DEFAULT_USER_ID} unless {@link #useUserId} chose another at start-up).
 */
public final class Sm2 {

    /** GM/T 0009-2012 10: the identifier when no other is agreed. */
    public static final String DEFAULT_USER_ID = "1234567812345678";
    public static final String SIGNATURE_ALGORITHM = "SM3withSM2";
    public static final AlgorithmIdentifier SM3_WITH_SM2 = new AlgorithmIdentifier(GMObjectIdentifiers.sm2sign_with_sm3);
    /** ENTL is two bytes of bit length (GB/T 32918.2 5.5). */
    private static final int MAX_USER_ID_BYTES = 0xffff / 8;

    private static volatile byte[] userId = DEFAULT_USER_ID.getBytes(StandardCharsets.US_ASCII);

    private Sm2() {
    }

    /** Sets the deployment's identifier; call once at start-up, before anything is signed. */
    public static void useUserId(String id) {
        byte[] bytes = id == null ? new byte[0] : id.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > MAX_USER_ID_BYTES) {
            throw new IllegalArgumentException("the SM2 user ID must be 1 to " + MAX_USER_ID_BYTES + " bytes");
        }
        userId = bytes;
    }

    /** The identifier in use, as text (for logs, reports and the OpenSSL {@code distid:} option). */
    public static String userId() {
        return new String(userId, StandardCharsets.UTF_8);
    }

    /** An EC key on sm2p256v1, under either algorithm identifier writers use (id-ecPublicKey or the SM2 OID). */
    public static boolean isSm2(SubjectPublicKeyInfo key) {
        ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
        return (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm) || GMObjectIdentifiers.sm2p256v1.equals(algorithm))
                && GMObjectIdentifiers.sm2p256v1.equals(key.getAlgorithm().getParameters());
    }

    /** Only EC keys are looked into; Bouncy Castle's name their curve, others are read from their encoding. */
    public static boolean isSm2(PublicKey key) {
        if (!(key instanceof ECPublicKey ec)) {
            return false;
        }
        if (ec.getParams() instanceof ECNamedCurveSpec named) {
            return "sm2p256v1".equals(named.getName());
        }
        return isSm2(SubjectPublicKeyInfo.getInstance(key.getEncoded()));
    }

    /** A Bouncy Castle SM3withSM2 signature initialised for signing with the identifier. */
    public static Signature signing(PrivateKey key) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(SIGNATURE_ALGORITHM, CryptoProviders.bouncyCastle());
        signature.setParameter(new SM2ParameterSpec(userId));
        signature.initSign(key, CryptoProviders.secureRandom());
        return signature;
    }

    /** A Bouncy Castle SM3withSM2 signature initialised for verifying with the identifier. */
    public static Signature verifying(PublicKey key) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(SIGNATURE_ALGORITHM, CryptoProviders.bouncyCastle());
        signature.setParameter(new SM2ParameterSpec(userId));
        signature.initVerify(key);
        return signature;
    }

    /** A one-signature ContentSigner (Bouncy Castle's builder takes no SM2 parameters). */
    public static ContentSigner contentSigner(PrivateKey key) throws GeneralSecurityException {
        Signature signature = signing(key);
        return new ContentSigner() {
            private final OutputStream out = new SignatureOutput(signature);

            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return SM3_WITH_SM2;
            }

            @Override
            public OutputStream getOutputStream() {
                return out;
            }

            @Override
            public byte[] getSignature() {
                try {
                    return signature.sign();
                } catch (SignatureException e) {
                    throw new RuntimeOperatorException("SM2 signing failed: " + e.getMessage(), e);
                }
            }
        };
    }

    /** Verifiers for SM3withSM2 signatures by the key; any other signature algorithm is refused. */
    public static ContentVerifierProvider verifierProvider(PublicKey key) {
        return verifierProvider(key, null);
    }

    /** As {@link #verifierProvider(PublicKey)}, naming the key's certificate (time-stamp validation asks for it). */
    public static ContentVerifierProvider verifierProvider(PublicKey key, X509CertificateHolder certificate) {
        return new ContentVerifierProvider() {
            @Override
            public boolean hasAssociatedCertificate() {
                return certificate != null;
            }

            @Override
            public X509CertificateHolder getAssociatedCertificate() {
                return certificate;
            }

            @Override
            public ContentVerifier get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
                if (!GMObjectIdentifiers.sm2sign_with_sm3.equals(algorithm.getAlgorithm())) {
                    throw new OperatorCreationException(
                            "an SM2 key verifies SM3withSM2 only, not " + algorithm.getAlgorithm());
                }
                return verifier(key, algorithm);
            }
        };
    }

    private static ContentVerifier verifier(PublicKey key, AlgorithmIdentifier algorithm)
            throws OperatorCreationException {
        Signature signature;
        try {
            signature = verifying(key);
        } catch (GeneralSecurityException e) {
            throw new OperatorCreationException("cannot verify SM2: " + e.getMessage(), e);
        }
        OutputStream out = new SignatureOutput(signature);
        return new ContentVerifier() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return algorithm;
            }

            @Override
            public OutputStream getOutputStream() {
                return out;
            }

            @Override
            public boolean verify(byte[] expected) {
                try {
                    return signature.verify(expected);
                } catch (SignatureException e) {
                    return false;
                }
            }
        };
    }

    /** Feeds what is written into the signature. */
    private static final class SignatureOutput extends OutputStream {
        private final Signature signature;

        SignatureOutput(Signature signature) {
            this.signature = signature;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                signature.update(b, off, len);
            } catch (SignatureException e) {
                throw new RuntimeOperatorException("SM2 signature update failed: " + e.getMessage(), e);
            }
        }
    }
}
