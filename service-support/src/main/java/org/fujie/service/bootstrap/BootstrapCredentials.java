package org.fujie.service.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.fujie.pki.x509.Pem;
import org.fujie.service.config.KeyPassphrase;

/** Reads what ca-service's bootstrap published under {@code bootstrap/}: the admin credential and the trust chain. */
public final class BootstrapCredentials {

    private BootstrapCredentials() {
    }

    /** The key store of a PKCS#12 file whose password is in a file beside it. */
    public static KeyStore pkcs12(Path file, Path passwordFile) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, KeyPassphrase.secretFile(passwordFile));
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the credential " + file, e);
        }
    }

    /** The certificate of the (first) key entry of a PKCS#12 file. */
    public static X509Certificate certificate(KeyStore store) {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return (X509Certificate) store.getCertificate(alias);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("the credential holds no key");
    }

    /** Trust managers that trust exactly the certificates of a PEM file (Fujie's CAs), for TLS to another service. */
    public static TrustManager[] trusting(Path pemFile) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            List<X509Certificate> anchors = certificates(pemFile);
            for (int i = 0; i < anchors.size(); i++) {
                trust.setCertificateEntry("ca-" + i, anchors.get(i));
            }
            TrustManagerFactory trusted = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trusted.init(trust);
            return trusted.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust the certificates of " + pemFile, e);
        }
    }

    /** The certificates of a PEM file, in order. */
    public static List<X509Certificate> certificates(Path pemFile) {
        try {
            return Pem.parseCertificates(Files.readString(pemFile));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + pemFile, e);
        }
    }
}
