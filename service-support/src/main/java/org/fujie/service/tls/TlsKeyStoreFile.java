package org.fujie.service.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import org.fujie.pki.keystore.Pkcs12Builder;
import org.fujie.pki.x509.SecureFiles;
import org.fujie.service.config.KeyPassphrase;

/**
 * A service's TLS key store under the data folder: its current certificate, and its replacement, written to a
 * temporary file and moved over the old one atomically (the SSL bundle's watcher never reads half a file),
 * under the same alias and the same password file.
 */
final class TlsKeyStoreFile {

    private final Path file;
    private final Path passwordFile;
    private final String alias;

    TlsKeyStoreFile(Path file, Path passwordFile, String alias) {
        this.file = file;
        this.passwordFile = passwordFile;
        this.alias = alias;
    }

    X509Certificate certificate() {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, KeyPassphrase.secretFile(passwordFile));
            if (!(store.getCertificate(alias) instanceof X509Certificate certificate)) {
                throw new IllegalStateException(file + " holds no certificate under the alias " + alias);
            }
            return certificate;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    void replace(PrivateKey key, List<X509Certificate> chain) {
        SecureFiles.writeOwnerOnly(file, Pkcs12Builder.build(alias, key, chain, KeyPassphrase.secretFile(passwordFile)));
    }
}
