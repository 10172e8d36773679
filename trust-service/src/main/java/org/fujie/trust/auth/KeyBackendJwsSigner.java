package org.fujie.trust.auth;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;

import org.bouncycastle.operator.ContentSigner;
import org.fujie.pki.operator.SigningKey;

/**
 * Signs a JWS with a key of the key backend: Nimbus describes what to sign, the backend's ContentSigner signs it
 * (the Bouncy Castle split), so the private key never leaves the backend. ECDSA comes out of the signer DER-encoded
 * and goes into the JWS as r||s (RFC 7518 3.4).
 */
final class KeyBackendJwsSigner implements JWSSigner {

    private final SigningKey key;
    private final JWSAlgorithm algorithm;
    private final JCAContext context = new JCAContext();

    KeyBackendJwsSigner(SigningKey key, JWSAlgorithm algorithm) {
        this.key = key;
        this.algorithm = algorithm;
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!algorithm.equals(header.getAlgorithm())) {
            throw new JOSEException("this key signs " + algorithm + ", not " + header.getAlgorithm());
        }
        ContentSigner signer = key.newContentSigner();
        try (OutputStream out = signer.getOutputStream()) {
            out.write(signingInput);
        } catch (IOException e) {
            throw new JOSEException("signing failed", e);
        }
        byte[] signature = signer.getSignature();
        if (JWSAlgorithm.Family.EC.contains(algorithm)) {
            signature = ECDSA.transcodeSignatureToConcat(signature, ECDSA.getSignatureByteArrayLength(algorithm));
        }
        return Base64URL.encode(signature);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return Set.of(algorithm);
    }

    @Override
    public JCAContext getJCAContext() {
        return context;
    }
}
