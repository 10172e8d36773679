package org.fujie.ca.ocsp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.fujie.pki.x509.Fingerprints;

/**
 * Which CA a CertID names (RFC 6960 4.1.1): the hash of the issuer's name and of its public key,
 * under SHA-1, SHA-256, SHA-384 or SHA-512. Immutable; rebuilt when the CAs change.
 */
final class IssuerIndex {

    private static final Map<ASN1ObjectIdentifier, String> DIGESTS = Map.of(
            OIWObjectIdentifiers.idSHA1, "SHA-1",
            NISTObjectIdentifiers.id_sha256, "SHA-256",
            NISTObjectIdentifiers.id_sha384, "SHA-384",
            NISTObjectIdentifiers.id_sha512, "SHA-512");

    private final Map<String, String> caByHashes;

    private IssuerIndex(Map<String, String> caByHashes) {
        this.caByHashes = caByHashes;
    }

    record Issuer(String caId, X509CertificateHolder certificate) {
    }

    static IssuerIndex of(List<Issuer> issuers) {
        Map<String, String> index = new HashMap<>();
        for (Issuer issuer : issuers) {
            byte[] name = encoded(issuer.certificate());
            byte[] key = issuer.certificate().getSubjectPublicKeyInfo().getPublicKeyData().getBytes();
            DIGESTS.forEach((oid, digest) -> index.put(key(oid, Fingerprints.digest(digest, name), Fingerprints.digest(digest, key)),
                    issuer.caId()));
        }
        return new IssuerIndex(Map.copyOf(index));
    }

    Optional<String> caOf(CertificateID id) {
        return Optional.ofNullable(caByHashes.get(key(id.getHashAlgOID(), id.getIssuerNameHash(), id.getIssuerKeyHash())));
    }

    private static String key(ASN1ObjectIdentifier digest, byte[] nameHash, byte[] keyHash) {
        HexFormat hex = HexFormat.of();
        return digest.getId() + ':' + hex.formatHex(nameHash) + ':' + hex.formatHex(keyHash);
    }

    private static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getSubject().getEncoded("DER");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
