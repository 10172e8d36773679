package org.fujie.trust.auth;

import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.fujie.pki.validation.CertificateInput;
import org.fujie.pki.x509.Fingerprints;
import org.fujie.pki.x509.SubjectNames;

/**
 * The certificates log-ins present, read once: the same user sends the same PEM every time, and reading it (PEM,
 * DER, names, fingerprints) and converting its key for Bouncy Castle would otherwise be repeated on every log-in.
 * Keeping the converted key matters most: Bouncy Castle switches an EC key that verifies repeatedly to precomputed
 * fixed-point tables, which makes the nonce check about 2.5x faster. Reading is a pure function of the PEM text,
 * so remembering it changes no decision; validity, revocation and roles are still checked on every log-in.
 * Bounded: when full it starts over (each entry holds a certificate and its key tables, about 20 KB).
 */
final class LoginCertificates {

    /** A user's certificate as read from its PEM, with what a log-in needs of it. */
    record LoginCertificate(X509Certificate certificate, String subject, String fingerprint, String thumbprint,
            String organization, PublicKey verifyingKey) {
    }

    /** What a log-in presented: the user's certificate and the helper chain (shared by all users of one CA). */
    record Presented(LoginCertificate user, List<X509Certificate> chain) {
    }

    private static final int MAX_CHAINS = 256;

    private final Map<String, LoginCertificate> users = new ConcurrentHashMap<>();
    private final Map<String, List<X509Certificate>> chains = new ConcurrentHashMap<>();
    private final int maxUsers;

    LoginCertificates(int maxUsers) {
        this.maxUsers = maxUsers;
    }

    /** Throws IllegalArgumentException, with a message fit for the caller, when the input is unusable. */
    Presented read(String certificatePem, String chainPem) {
        LoginCertificate user = users.get(certificatePem);
        List<X509Certificate> chain = chainPem == null || chainPem.isBlank() ? List.of() : chains.get(chainPem);
        if (user != null && chain != null) {
            return new Presented(user, chain);
        }
        CertificateInput input = CertificateInput.parse(certificatePem, chainPem);
        if (user == null) {
            user = remember(users, maxUsers, certificatePem, describe(input.certificate()));
        }
        if (chain == null) {
            chain = remember(chains, MAX_CHAINS, chainPem, input.chain());
        }
        return new Presented(user, chain);
    }

    private static <V> V remember(Map<String, V> map, int max, String key, V value) {
        if (map.size() >= max) {
            map.clear();
        }
        map.put(key, value);
        return value;
    }

    private static LoginCertificate describe(X509Certificate certificate) {
        byte[] der;
        try {
            der = certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded", e);
        }
        String subject = SubjectNames.format(certificate.getSubjectX500Principal());
        return new LoginCertificate(certificate, subject, Fingerprints.sha256(der), thumbprint(der), organization(subject),
                LoginSignatures.verifyingKey(certificate.getPublicKey()));
    }

    private static String organization(String subject) {
        RDN[] rdns = SubjectNames.parse(subject).getRDNs(BCStyle.O);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    private static String thumbprint(byte[] der) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Fingerprints.digest("SHA-256", der));
    }
}
