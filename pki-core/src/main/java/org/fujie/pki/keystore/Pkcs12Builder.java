package org.fujie.pki.keystore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.fujie.pki.crypto.PrivateKeyEncodings;

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
            store.setKeyEntry(alias, portable(key), password, chain.toArray(new Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("cannot build a PKCS#12 file for " + alias, e);
        }
    }

    /** OpenSSL 3.0 cannot read Ed25519 keys in Bouncy Castle's PKCS#8 version 2 form; store version 1. */
    private static PrivateKey portable(PrivateKey key) throws GeneralSecurityException, IOException {
        PrivateKeyInfo v1 = PrivateKeyEncodings.version1(key);
        if (java.util.Arrays.equals(v1.getEncoded(), key.getEncoded())) {
            return key;
        }
        return KeyFactory.getInstance(key.getAlgorithm()).generatePrivate(new PKCS8EncodedKeySpec(v1.getEncoded()));
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
