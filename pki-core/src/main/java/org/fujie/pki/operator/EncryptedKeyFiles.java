package org.fujie.pki.operator;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.fujie.pki.crypto.CryptoProviders;

/**
 * The on-disk form of a software key: PEM "ENCRYPTED PRIVATE KEY", PKCS#8 under PBES2 with
 * PBKDF2-HMAC-SHA256 (100,000 iterations) and AES-256-CBC, a fresh salt and IV each time; and the one
 * way such a file is replaced, so that a crash leaves either the old or the new file, whole.
 */
final class EncryptedKeyFiles {

    private static final int PBKDF2_ITERATIONS = 100_000;
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private EncryptedKeyFiles() {
    }

    /** The PEM text of the key encrypted under the passphrase, with a new salt and IV. */
    static byte[] encrypt(PrivateKeyInfo key, char[] passphrase) throws IOException {
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                    .setProvider(CryptoProviders.bouncyCastle())
                    .setPRF(JcaPKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(PBKDF2_ITERATIONS)
                    .setPassword(passphrase)
                    .build();
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(new PKCS8Generator(key, encryptor));
            }
            return pem.toString().getBytes(StandardCharsets.US_ASCII);
        } catch (OperatorCreationException e) {
            throw new IOException("cannot set up PBES2 encryption", e);
        }
    }

    /**
     * The key in an encrypted PEM file. Fails with a wrong passphrase and with anything that is not an
     * encrypted PKCS#8 key (a plain key, another PEM type, garbage); the message never holds the passphrase.
     */
    static PrivateKeyInfo decrypt(byte[] pem, char[] passphrase) throws IOException, PKCSException {
        Object parsed;
        try (Reader reader = new StringReader(new String(pem, StandardCharsets.US_ASCII));
                PEMParser parser = new PEMParser(reader)) {
            parsed = parser.readObject();
        }
        if (!(parsed instanceof PKCS8EncryptedPrivateKeyInfo encrypted)) {
            throw new PKCSException("not an encrypted PKCS#8 private key");
        }
        try {
            return encrypted.decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(CryptoProviders.bouncyCastle()).build(passphrase));
        } catch (OperatorCreationException e) {
            throw new PKCSException("cannot set up PBES2 decryption", e);
        } catch (RuntimeException e) {
            // Bouncy Castle reports some malformed contents (bad parameters, bad ASN.1) unchecked.
            throw new PKCSException("malformed encrypted private key", e);
        }
    }

    /** The key if the file opens under the passphrase; empty if it does not (wrong passphrase or not a key). */
    static Optional<PrivateKeyInfo> tryDecrypt(byte[] pem, char[] passphrase) {
        try {
            return Optional.of(decrypt(pem, passphrase));
        } catch (IOException | PKCSException e) {
            return Optional.empty();
        }
    }

    /**
     * Replaces the key file with the key encrypted under the passphrase: a temporary file beside it, owner
     * only from its creation, is written and forced to disk, read back and checked to open to the same key,
     * then renamed over the target atomically (no fallback to a plain move) and the directory forced.
     * Readers see the old file or the new one, whole, at every instant, also across a crash.
     */
    static void replace(Path target, PrivateKeyInfo key, char[] passphrase) throws IOException {
        byte[] expected = key.getEncoded();
        byte[] content = encrypt(key, passphrase);
        Path directory = target.toAbsolutePath().getParent();
        Path temp = POSIX
                ? Files.createTempFile(directory, ".rotate-", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(directory, ".rotate-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Optional<PrivateKeyInfo> written = tryDecrypt(Files.readAllBytes(temp), passphrase);
            if (written.isEmpty() || !Arrays.equals(written.get().getEncoded(), expected)) {
                throw new IOException("the re-encrypted file does not open to the same key");
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        if (POSIX) {
            try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    }
}
