package org.fujie.pki.crypto;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.InvalidParameterException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.SignatureException;
import java.security.SignatureSpi;
import java.security.spec.AlgorithmParameterSpec;
import java.util.List;
import java.util.Map;

/**
 * Signatures by name for JCA code Fujie does not call itself (PKIX path validation asks its "signature provider" for
 * SM3WITHSM2 and verifies without parameters, which in Bouncy Castle means the default SM2 user ID whatever the
 * deployment chose). Here SM3WITHSM2 verifies with {@link Sm2}'s ID; the other algorithms a Fujie path may hold are
 * Bouncy Castle's, unchanged. Verification only.
 */
public final class Sm2IdProvider extends Provider {

    public static final String NAME = "FujieSM2";
    /** Each algorithm a Fujie path may hold, with its OID as an alias (a JDK certificate asks by OID). */
    private static final Map<String, List<String>> ALGORITHMS = Map.ofEntries(
            Map.entry("SM3WITHSM2", List.of("1.2.156.10197.1.501", "OID.1.2.156.10197.1.501")),
            Map.entry("SHA256WITHECDSA", List.of("1.2.840.10045.4.3.2", "OID.1.2.840.10045.4.3.2")),
            Map.entry("SHA384WITHECDSA", List.of("1.2.840.10045.4.3.3", "OID.1.2.840.10045.4.3.3")),
            Map.entry("SHA512WITHECDSA", List.of("1.2.840.10045.4.3.4", "OID.1.2.840.10045.4.3.4")),
            Map.entry("SHA256WITHRSA", List.of("1.2.840.113549.1.1.11", "OID.1.2.840.113549.1.1.11")),
            Map.entry("SHA384WITHRSA", List.of("1.2.840.113549.1.1.12", "OID.1.2.840.113549.1.1.12")),
            Map.entry("SHA512WITHRSA", List.of("1.2.840.113549.1.1.13", "OID.1.2.840.113549.1.1.13")),
            Map.entry("SHA256WITHRSAANDMGF1", List.of()),
            Map.entry("SHA384WITHRSAANDMGF1", List.of()),
            Map.entry("SHA512WITHRSAANDMGF1", List.of()),
            Map.entry("ED25519", List.of("1.3.101.112", "OID.1.3.101.112")));

    private Sm2IdProvider() {
        super(NAME, "1.0", "SM2 signatures with the deployment's user ID; others from Bouncy Castle");
        ALGORITHMS.forEach((algorithm, aliases) ->
                putService(new Service(this, "Signature", algorithm, Verifying.class.getName(), aliases, null) {
                    @Override
                    public Object newInstance(Object constructorParameter) {
                        return new Verifying(getAlgorithm());
                    }
                }));
    }

    /** The provider's name, registered (last) on first use. */
    public static String registered() {
        return Holder.NAME_REGISTERED;
    }

    private static final class Holder {
        static final String NAME_REGISTERED = register();

        private static synchronized String register() {
            if (Security.getProvider(NAME) == null) {
                Security.addProvider(new Sm2IdProvider());
            }
            return NAME;
        }
    }

    /** Bouncy Castle's signature, initialised through Sm2 for SM2 keys. */
    static final class Verifying extends SignatureSpi {
        private final String algorithm;
        private AlgorithmParameterSpec parameters;
        private Signature delegate;

        Verifying(String algorithm) {
            this.algorithm = algorithm;
        }

        @Override
        protected void engineInitVerify(PublicKey key) throws InvalidKeyException {
            try {
                if ("SM3WITHSM2".equals(algorithm)) {
                    delegate = Sm2.verifying(key);
                    return;
                }
                delegate = Signature.getInstance(algorithm, CryptoProviders.bouncyCastle());
                if (parameters != null) {
                    delegate.setParameter(parameters);
                }
                delegate.initVerify(key);
            } catch (InvalidKeyException e) {
                throw e;
            } catch (GeneralSecurityException e) {
                throw new InvalidKeyException("cannot verify " + algorithm + ": " + e.getMessage(), e);
            }
        }

        @Override
        protected void engineInitSign(PrivateKey key) throws InvalidKeyException {
            throw new InvalidKeyException(NAME + " verifies only");
        }

        @Override
        protected void engineSetParameter(AlgorithmParameterSpec params) throws InvalidAlgorithmParameterException {
            if ("SM3WITHSM2".equals(algorithm)) {
                throw new InvalidAlgorithmParameterException("the SM2 user ID is the deployment's (fujie.sm2.user-id)");
            }
            parameters = params;
        }

        @Override
        protected void engineUpdate(byte b) throws SignatureException {
            delegate.update(b);
        }

        @Override
        protected void engineUpdate(byte[] b, int off, int len) throws SignatureException {
            delegate.update(b, off, len);
        }

        @Override
        protected byte[] engineSign() throws SignatureException {
            throw new SignatureException(NAME + " verifies only");
        }

        @Override
        protected boolean engineVerify(byte[] signature) throws SignatureException {
            return delegate.verify(signature);
        }

        @Override
        @Deprecated
        protected void engineSetParameter(String param, Object value) {
            throw new InvalidParameterException("not supported");
        }

        @Override
        @Deprecated
        protected Object engineGetParameter(String param) {
            throw new InvalidParameterException("not supported");
        }
    }
}
