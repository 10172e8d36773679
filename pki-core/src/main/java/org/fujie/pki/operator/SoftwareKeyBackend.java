package org.fujie.pki.operator;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.crypto.PrivateKeyEncodings;
import org.fujie.pki.x509.Pem;
import org.fujie.pki.x509.SecureFiles;

/**
 * Keys as PKCS#8 files encrypted with a passphrase (PBES2: PBKDF2-HMAC-SHA256 and AES-256-CBC), one
 * file per alias, readable only by the owner. The embedded default; production uses an HSM or Vault.
 * Decrypted keys are kept in memory so the PBKDF2 cost is paid once per key, not per signature.
 */
public final class SoftwareKeyBackend implements KeyBackend {

    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final int PBKDF2_ITERATIONS = 100_000;

    private final Path directory;
    private final char[] passphrase;
    private final Map<String, SigningKey> loaded = new ConcurrentHashMap<>();

    public SoftwareKeyBackend(Path directory, char[] passphrase) {
        if (passphrase == null || passphrase.length < 12) {
            throw new KeyBackendException("the key passphrase must have at least 12 characters");
        }
        this.directory = directory;
        this.passphrase = passphrase.clone();
        CryptoProviders.bouncyCastle();
    }

    @Override
    public String name() {
        return "software";
    }

    @Override
    public boolean contains(String alias) {
        return Files.exists(keyFile(alias));
    }

    @Override
    public SigningKey generate(String alias, KeyAlgorithm algorithm) {
        claim(alias);
        try {
            var keyPair = algorithm.generateKeyPair();
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                    .setProvider(CryptoProviders.bouncyCastle())
                    .setPRF(JcaPKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(PBKDF2_ITERATIONS)
                    .setPassword(passphrase)
                    .build();
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(new PKCS8Generator(PrivateKeyEncodings.version1(keyPair.getPrivate()), encryptor));
            }
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded());
            SecureFiles.writeOwnerOnly(publicFile(alias), Pem.encode("PUBLIC KEY", spki.getEncoded()).getBytes(StandardCharsets.US_ASCII));
            SecureFiles.writeOwnerOnly(keyFile(alias), pem.toString().getBytes(StandardCharsets.US_ASCII));
            SigningKey key = new JcaSigningKey(alias, algorithm, keyPair.getPrivate(), spki);
            loaded.put(alias, key);
            return key;
        } catch (Exception e) {
            release(alias);
            throw new KeyBackendException("cannot store key " + alias, e);
        }
    }

    /**
     * Takes the alias by creating its (empty) key file atomically, so that of two concurrent generations,
     * in this process or another, exactly one wins; the finished key file then replaces it.
     */
    private void claim(String alias) {
        Path keyFile = keyFile(alias);
        try {
            Files.createDirectories(directory);
            Files.createFile(keyFile);
        } catch (FileAlreadyExistsException e) {
            throw new KeyBackendException("a key with alias " + alias + " exists already");
        } catch (IOException e) {
            throw new KeyBackendException("cannot store key " + alias, e);
        }
    }

    private void release(String alias) {
        try {
            Path keyFile = keyFile(alias);
            if (Files.size(keyFile) == 0) {
                Files.delete(keyFile);
            }
        } catch (IOException e) {
            // left for the operator: an empty key file keeps the alias taken, it never holds a key
        }
    }

    @Override
    public SigningKey get(String alias) {
        return loaded.computeIfAbsent(alias, this::load);
    }

    private SigningKey load(String alias) {
        if (!contains(alias)) {
            throw new KeyBackendException("no key with alias " + alias);
        }
        try {
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(Pem.decode(Files.readString(publicFile(alias)), "PUBLIC KEY"));
            KeyAlgorithm algorithm = KeyAlgorithm.of(spki)
                    .orElseThrow(() -> new KeyBackendException("key " + alias + " has an unsupported algorithm"));
            PKCS8EncryptedPrivateKeyInfo encrypted;
            try (Reader reader = new StringReader(Files.readString(keyFile(alias))); PEMParser parser = new PEMParser(reader)) {
                encrypted = (PKCS8EncryptedPrivateKeyInfo) parser.readObject();
            }
            PrivateKeyInfo info = encrypted.decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(CryptoProviders.bouncyCastle()).build(passphrase));
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (algorithm.provider() != null) {
                converter.setProvider(CryptoProviders.bouncyCastle());
            }
            PrivateKey privateKey = converter.getPrivateKey(info);
            return new JcaSigningKey(alias, algorithm, privateKey, spki);
        } catch (KeyBackendException e) {
            throw e;
        } catch (Exception e) {
            // The cause may be a wrong passphrase; say so without echoing anything secret.
            throw new KeyBackendException("cannot decrypt key " + alias + " (wrong passphrase or damaged file)", e);
        }
    }


    private Path keyFile(String alias) {
        return directory.resolve(checked(alias) + ".key.pem");
    }

    private Path publicFile(String alias) {
        return directory.resolve(checked(alias) + ".pub.pem");
    }

    private static String checked(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new KeyBackendException("invalid key alias");
        }
        return alias;
    }

    @Override
    public String toString() {
        return "SoftwareKeyBackend[" + directory + "]";
    }

}
