package org.fujie.client.boot.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.fujie.client.boot.support.Certificates;
import org.springframework.core.io.Resource;

/**
 * The TLS the application speaks to trust-service: it trusts only Fujie's CAs (not the JDK's public roots) and
 * presents the application's own certificate, so trust-service knows the caller as role APP.
 */
public final class FujieTls {

    private FujieTls() {
    }

    /** @param keyStore the application's PKCS#12, or null to present no certificate (JWKS only) */
    public static SSLContext context(Resource trustChain, Resource keyStore, String keyStorePassword) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyStore == null ? null : keyManagers(keyStore, keyStorePassword).getKeyManagers(),
                    trustManagers(trustChain).getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS to trust-service: " + e.getMessage(), e);
        }
    }

    /** The CA certificates of a PEM file; fails when there are none, as an empty trust store trusts nothing. */
    public static List<X509Certificate> trustChain(Resource trustChain) {
        if (trustChain == null) {
            throw new IllegalStateException("set fujie.client.trust-chain to Fujie's CA certificates (PEM)");
        }
        try (InputStream in = trustChain.getInputStream()) {
            List<X509Certificate> certificates = Certificates.read(in);
            if (certificates.isEmpty()) {
                throw new IllegalStateException("fujie.client.trust-chain " + trustChain + " holds no certificate");
            }
            return certificates;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fujie.client.trust-chain " + trustChain, e);
        }
    }

    private static TrustManagerFactory trustManagers(Resource trustChain) throws GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try {
            trust.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<X509Certificate> certificates = trustChain(trustChain);
        for (int i = 0; i < certificates.size(); i++) {
            trust.setCertificateEntry("fujie-ca-" + i, certificates.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        return factory;
    }

    private static KeyManagerFactory keyManagers(Resource keyStore, String password) throws GeneralSecurityException {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = keyStore.getInputStream()) {
            keys.load(in, secret);
        } catch (IOException e) {
            // The message names the file, never the password.
            throw new IllegalStateException("cannot open fujie.client.key-store " + keyStore + ": " + e.getMessage(), e);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, secret);
        return factory;
    }
}
