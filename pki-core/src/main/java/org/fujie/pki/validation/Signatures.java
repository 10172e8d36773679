package org.fujie.pki.validation;

import java.security.PublicKey;

import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.fujie.pki.crypto.CryptoProviders;

/** Verifiers over Bouncy Castle (the fast provider for EC and the only one for SM2, shared/FACTS.md). */
final class Signatures {

    private Signatures() {
    }

    static ContentVerifierProvider verifier(PublicKey key) throws OperatorCreationException {
        return new JcaContentVerifierProviderBuilder().setProvider(CryptoProviders.bouncyCastle()).build(key);
    }

    /** Whether the certificate's signature verifies with the key; false on any error. */
    static boolean signedBy(java.security.cert.X509Certificate certificate, PublicKey key) {
        try {
            certificate.verify(key, CryptoProviders.bouncyCastle());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
