package org.fujie.pki.keystore;

import java.io.ByteArrayOutputStream;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * PKCS#12 (RFC 7292) files holding one private key and its chain, made by the JDK's PKCS12 keystore
 * (PBES2 with AES-256 and an HMAC-SHA256 MAC on Java 17), readable by OpenSSL 3 and browsers.
 */
public final class Pkcs12Builder {

    private Pkcs12Builder() {
    }

    public static byte[] build(String alias, PrivateKey key, List<X509Certificate> chain, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, key, password, chain.toArray(new Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot build a PKCS#12 file for " + alias, e);
        }
    }

    /** A trust store with certificates only (no keys), e.g. for a TLS server's client CAs. */
    public static byte[] trustStore(List<X509Certificate> anchors, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (X509Certificate anchor : anchors) {
                store.setCertificateEntry("anchor-" + i++, anchor);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot build a PKCS#12 trust store", e);
        }
    }
}
