package org.fujie.pki.operator.vault;

import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import javax.crypto.Cipher;

import io.github.jopenlibs.vault.json.JsonValue;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.KeyBackendException;
import org.fujie.pki.operator.SigningKey;

/**
 * One version of a Vault Transit key. It reports that version's public key and signs only with that version
 * ({@code key_version}), so a certificate's signature always matches the key published for it, even while an operator
 * rotates the key in Vault. Signers digest locally and send Vault the digest ({@code prehashed}); each signature is
 * checked against the pinned public key before it is returned.
 */
final class VaultTransitSigningKey implements SigningKey {

    private final String alias;
    private final String vaultName;
    private final int version;
    private final KeyAlgorithm algorithm;
    private final SubjectPublicKeyInfo publicKeyInfo;
    private final PublicKey publicKey;
    private final VaultTransitClient client;
    private final String mount;

    VaultTransitSigningKey(String alias, String vaultName, int version, KeyAlgorithm algorithm,
            SubjectPublicKeyInfo publicKeyInfo, VaultTransitClient client, String mount) {
        this.alias = Objects.requireNonNull(alias);
        this.vaultName = Objects.requireNonNull(vaultName);
        this.version = version;
        this.algorithm = Objects.requireNonNull(algorithm);
        this.publicKeyInfo = Objects.requireNonNull(publicKeyInfo);
        this.client = Objects.requireNonNull(client);
        this.mount = Objects.requireNonNull(mount);
        try {
            // EC keys through Bouncy Castle: its ECDSA check costs a tenth of the JDK's (bench/README.md, key backends).
            this.publicKey = (algorithm.isRsa() ? KeyFactory.getInstance("RSA") : KeyFactory.getInstance("EC", CryptoProviders.bouncyCastle()))
                    .generatePublic(new X509EncodedKeySpec(publicKeyInfo.getEncoded()));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new KeyBackendException("the public key of " + describe() + " cannot be read: " + e.getMessage(), e);
        }
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

    /** The Vault key version this object reports and signs with. */
    public int version() {
        return version;
    }

    @Override
    public ContentSigner newContentSigner() {
        // The identifiers BC's own JCA signer would write for this signature algorithm.
        AlgorithmIdentifier signatureAlgorithm = new DefaultSignatureAlgorithmIdentifierFinder().find(algorithm.signatureAlgorithm());
        AlgorithmIdentifier digestAlgorithm = new DefaultDigestAlgorithmIdentifierFinder().find(signatureAlgorithm);
        String vaultHash = vaultHashName(digestAlgorithm);
        DigestCalculator digest;
        try {
            digest = new BcDigestCalculatorProvider().get(digestAlgorithm);
        } catch (OperatorCreationException e) {
            throw new KeyBackendException("cannot digest for " + describe() + ": " + e.getMessage(), e);
        }
        return new ContentSigner() {
            private boolean used;

            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return signatureAlgorithm;
            }

            @Override
            public OutputStream getOutputStream() {
                return digest.getOutputStream();
            }

            @Override
            public byte[] getSignature() {
                if (used) {
                    throw new IllegalStateException("a ContentSigner signs once; ask the key for a new one");
                }
                used = true;
                return sign(digest.getDigest(), digestAlgorithm, vaultHash);
            }
        };
    }

    private byte[] sign(byte[] digest, AlgorithmIdentifier digestAlgorithm, String vaultHash) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("input", Base64.getEncoder().encodeToString(digest));
        body.put("prehashed", true);
        body.put("key_version", version);
        if (algorithm.isRsa()) {
            body.put("signature_algorithm", "pkcs1v15");
        } else {
            body.put("marshaling_algorithm", "asn1");
        }
        String path = mount + "/sign/" + vaultName + "/" + vaultHash;
        VaultTransitClient.Reply reply = client.write(path, body, describe());
        if (reply.status() == 404 || reply.errors().stream().anyMatch(e -> e.contains("not found"))) {
            throw new KeyBackendException("no key with alias " + alias + " in vault (" + mount + "/keys/" + vaultName
                    + "): it was deleted, or the alias is wrong");
        }
        if (!reply.ok() || reply.data() == null) {
            throw new KeyBackendException("vault did not sign with " + describe() + " (" + reply.status() + ")"
                    + (reply.errors().isEmpty() ? "" : ": " + String.join("; ", reply.errors())));
        }
        byte[] signature = parse(reply.data().get("signature"));
        if (!matchesPublicKey(digest, digestAlgorithm, signature)) {
            throw new KeyBackendException("vault's signature with " + describe() + " does not verify under version "
                    + version + "'s public key; it is not used");
        }
        return signature;
    }

    /** {@code vault:v<N>:<base64 DER>}, where N must be the pinned version. */
    private byte[] parse(JsonValue value) {
        String text = value != null && value.isString() ? value.asString() : "";
        String expected = "vault:v" + version + ":";
        if (!text.startsWith(expected)) {
            throw new KeyBackendException("vault answered an unexpected signature for " + describe() + ": "
                    + (text.startsWith("vault:v") ? "version " + text.split(":")[1] : "no vault:v" + version + ": prefix"));
        }
        try {
            return Base64.getDecoder().decode(text.substring(expected.length()));
        } catch (IllegalArgumentException e) {
            throw new KeyBackendException("vault answered a signature for " + describe() + " that is not base64", e);
        }
    }

    private boolean matchesPublicKey(byte[] digest, AlgorithmIdentifier digestAlgorithm, byte[] signature) {
        try {
            if (algorithm.isRsa()) {
                // PKCS#1 v1.5: the signature opens to the DigestInfo of our digest, its parameters NULL or, rarely, absent.
                Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
                rsa.init(Cipher.DECRYPT_MODE, publicKey);
                byte[] opened = rsa.doFinal(signature);
                ASN1ObjectIdentifier oid = digestAlgorithm.getAlgorithm();
                return Arrays.equals(opened, new DigestInfo(new AlgorithmIdentifier(oid, DERNull.INSTANCE), digest).getEncoded())
                        || Arrays.equals(opened, new DigestInfo(new AlgorithmIdentifier(oid), digest).getEncoded());
            }
            Signature ecdsa = Signature.getInstance("NONEwithECDSA", CryptoProviders.bouncyCastle());
            ecdsa.initVerify(publicKey);
            ecdsa.update(digest);
            return ecdsa.verify(signature);
        } catch (GeneralSecurityException | java.io.IOException e) {
            return false;
        }
    }

    private static String vaultHashName(AlgorithmIdentifier digestAlgorithm) {
        var oid = digestAlgorithm.getAlgorithm();
        if (oid.equals(NISTObjectIdentifiers.id_sha256)) {
            return "sha2-256";
        }
        if (oid.equals(NISTObjectIdentifiers.id_sha384)) {
            return "sha2-384";
        }
        if (oid.equals(NISTObjectIdentifiers.id_sha512)) {
            return "sha2-512";
        }
        throw new KeyBackendException("vault transit has no hash for digest " + oid);
    }

    private String describe() {
        return "key " + alias + " version " + version + " (" + mount + "/keys/" + vaultName + ")";
    }

    @Override
    public String toString() {
        return "VaultTransitSigningKey[" + alias + ", " + algorithm.id() + ", v" + version + "]";
    }
}
