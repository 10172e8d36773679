package org.fujie.pki.validation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.fujie.pki.crypto.Sm2;
import org.fujie.pki.crypto.Verifiers;
import org.fujie.pki.x509.Fingerprints;

/**
 * Certificate signatures that verified under an issuer's key, remembered by the SHA-256 of the certificate and of the
 * key (and the SM2 user ID): the same bytes under the same key verify the same way every time, and path building
 * otherwise checks the CA certificates' signatures again for every user. Only successes are kept, so a signature that
 * fails is checked (and fails) every time. Bounded: when full it starts over.
 */
final class VerifiedSignatures {

    private final Set<String> verified = ConcurrentHashMap.newKeySet();
    private final int maxEntries;

    VerifiedSignatures(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    boolean signedBy(X509Certificate certificate, PublicKey issuerKey) {
        String key = key(certificate, issuerKey);
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

    private static String key(X509Certificate certificate, PublicKey issuerKey) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(Sm2.userId().getBytes(StandardCharsets.UTF_8));
            sha256.update(Fingerprints.digest("SHA-256", certificate.getEncoded()));
            sha256.update(Fingerprints.digest("SHA-256", issuerKey.getEncoded()));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }
}
