package org.fujie.client.sdk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS side of a connection: the services' certificates are trusted only through the given chain (Fujie's root and
 * issuing CA, {@code data/bootstrap/trust-chain.pem}), never through the JDK's public CAs; the client certificate,
 * when given, comes from a PKCS#12.
 */
final class TlsMaterial {

    private TlsMaterial() {
    }

    static SSLContext context(byte[] trustChainPem, byte[] pkcs12, char[] password) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(pkcs12 == null ? null : keyManagers(pkcs12, password), trustManagers(trustChainPem).getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    static byte[] read(Path file, String what) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the " + what + " " + file + ": " + e.getMessage(), e);
        }
    }

    private static TrustManagerFactory trustManagers(byte[] pem) throws GeneralSecurityException, IOException {
        Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem));
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("the trust chain holds no certificate");
        }
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        int i = 0;
        for (Certificate certificate : certificates) {
            anchors.setCertificateEntry("fujie-" + i++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(anchors);
        return factory;
    }

    private static KeyManager[] keyManagers(byte[] pkcs12, char[] password) throws GeneralSecurityException, IOException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(new ByteArrayInputStream(pkcs12), password);
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, password);
        return factory.getKeyManagers();
    }
}
