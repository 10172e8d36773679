package org.fujie.pki.validation;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.fujie.pki.crypto.Sm2;
import org.fujie.pki.crypto.Verifiers;
import org.fujie.pki.x509.ExactBytes;

/**
 * Certificate signatures that verified under an issuer's key, remembered by the certificate's and the key's bytes (and
 * the SM2 user ID): the same bytes under the same key verify the same way every time, and path building
 * otherwise checks the CA certificates' signatures again for every user. Only successes are kept, so a signature that
 * fails is checked (and fails) every time. Bounded: when full it starts over.
 */
final class VerifiedSignatures {

    private final Set<List<Object>> verified = ConcurrentHashMap.newKeySet();
    private final int maxEntries;

    VerifiedSignatures(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    boolean signedBy(X509Certificate certificate, PublicKey issuerKey) {
        List<Object> key = key(certificate, issuerKey);
        if (verified.contains(key)) {
            return true;
        }
        if (!Verifiers.signedBy(certificate, issuerKey)) {
            return false;
        }
        if (verified.size() >= maxEntries) {
            verified.clear();
        }
        verified.add(key);
        return true;
    }

    private static List<Object> key(X509Certificate certificate, PublicKey issuerKey) {
        return List.of(Sm2.userId(), ExactBytes.of(certificate), ExactBytes.of(issuerKey.getEncoded()));
    }
}
