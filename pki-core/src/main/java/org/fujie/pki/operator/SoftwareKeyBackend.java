package org.fujie.pki.operator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
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
    private static final String KEY_SUFFIX = ".key.pem";

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
            byte[] keyPem = EncryptedKeyFiles.encrypt(PrivateKeyEncodings.version1(keyPair.getPrivate()), passphrase);
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded());
            SecureFiles.writeOwnerOnly(publicFile(alias), Pem.encode("PUBLIC KEY", spki.getEncoded()).getBytes(StandardCharsets.US_ASCII));
            SecureFiles.writeOwnerOnly(keyFile(alias), keyPem);
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
            PrivateKeyInfo info = EncryptedKeyFiles.decrypt(Files.readAllBytes(keyFile(alias)), passphrase);
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

    /**
     * Changes the passphrase the keys are encrypted under: construct this backend with the new passphrase
     * and pass the previous one. Each key file is checked first: under this backend's passphrase it is left
     * alone, under the previous one it is due. If any file opens under neither (a wrong previous passphrase,
     * say), nothing is rewritten and the exception names those aliases. Then each due file is re-encrypted
     * with a fresh salt and IV and replaced atomically ({@code EncryptedKeyFiles.replace}), so that at every
     * instant every key file is whole and opens under one of the two passphrases. Running it again is
     * harmless, and after a crash half-way it finishes the rest. Empty files, aliases claimed by a
     * generation in progress (see {@code claim}), are skipped. Keys in memory stay valid: they are the same keys.
     */
    public Rotation reencryptFrom(char[] previousPassphrase) {
        if (previousPassphrase == null || previousPassphrase.length == 0) {
            throw new KeyBackendException("the previous key passphrase is missing");
        }
        Map<String, PrivateKeyInfo> due = new TreeMap<>();
        List<String> current = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (String alias : keyFileAliases()) {
            byte[] pem = readKeyFile(alias);
            if (pem.length == 0) {
                continue;
            }
            if (EncryptedKeyFiles.tryDecrypt(pem, passphrase).isPresent()) {
                current.add(alias);
            } else {
                EncryptedKeyFiles.tryDecrypt(pem, previousPassphrase)
                        .ifPresentOrElse(key -> due.put(alias, key), () -> unreadable.add(alias));
            }
        }
        if (!unreadable.isEmpty()) {
            throw new KeyBackendException("keys " + String.join(", ", unreadable) + " open under neither the current"
                    + " nor the previous passphrase (wrong passphrase or damaged file); no key file was changed");
        }
        List<String> reencrypted = new ArrayList<>();
        for (Map.Entry<String, PrivateKeyInfo> entry : due.entrySet()) {
            try {
                EncryptedKeyFiles.replace(keyFile(entry.getKey()), entry.getValue(), passphrase);
            } catch (IOException | RuntimeException e) {
                throw new KeyBackendException("cannot re-encrypt key " + entry.getKey() + " (" + reencrypted.size()
                        + " of " + due.size() + " re-encrypted; run again to finish)", e);
            }
            reencrypted.add(entry.getKey());
        }
        return new Rotation(reencrypted, current);
    }

    /** What {@link #reencryptFrom} did, by alias in order: re-encrypted now, and already under the passphrase. */
    public record Rotation(List<String> reencrypted, List<String> alreadyCurrent) {

        public Rotation {
            reencrypted = List.copyOf(reencrypted);
            alreadyCurrent = List.copyOf(alreadyCurrent);
        }
    }

    /** The aliases that have a key file, sorted; temporary and foreign files are not key files. */
    private List<String> keyFileAliases() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(KEY_SUFFIX))
                    .map(name -> name.substring(0, name.length() - KEY_SUFFIX.length()))
                    .filter(alias -> ALIAS.matcher(alias).matches() && Files.isRegularFile(keyFile(alias)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new KeyBackendException("cannot list the keys in " + directory, e);
        }
    }

    private byte[] readKeyFile(String alias) {
        try {
            return Files.readAllBytes(keyFile(alias));
        } catch (NoSuchFileException e) {
            return new byte[0]; // a placeholder that a failed generation released after the listing
        } catch (IOException e) {
            throw new KeyBackendException("cannot read key " + alias, e);
        }
    }

    private Path keyFile(String alias) {
        return directory.resolve(checked(alias) + KEY_SUFFIX);
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
