package org.fujie.client.sdk;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;

import org.fujie.client.sdk.ca.GeneratedKey;
import org.fujie.client.sdk.trust.Token;
import org.fujie.client.sdk.trust.TrustClient;

/** A person with a PKCS#12 from ca-service: connects with it (mutual TLS) or logs in with it at trust-service. */
public final class TestUser {

    static final String PASSWORD = "sdk-secret";

    private final GeneratedKey key;
    private final SdkServices services;

    TestUser(GeneratedKey key, SdkServices services) {
        this.key = key;
        this.services = services;
    }

    public String subject() {
        return key.certificate().subject();
    }

    public String certificatePem() {
        return key.certificate().certificatePem();
    }

    /** Mutual TLS with this person's certificate, at a service's URL. */
    public FujieConnection connection(String serviceUrl) {
        return FujieConnection.builder(serviceUrl).trustChain(services.trustChain())
                .pkcs12(key.pkcs12(), PASSWORD.toCharArray()).userAgent("sdk-tests").build();
    }

    /** A bearer token from trust-service's certificate log-in: the nonce signed with this person's key. */
    public Token login() {
        TrustClient trust = new TrustClient(FujieConnection.builder(services.trustUrl()).trustChain(services.trustChain()).build());
        return trust.login(certificatePem(), this::sign);
    }

    /** SHA-256 with ECDSA over the data, as a smart card would sign a log-in nonce. */
    public byte[] sign(byte[] data) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(key.pkcs12()), PASSWORD.toCharArray());
            PrivateKey privateKey = (PrivateKey) store.getKey(store.aliases().nextElement(), PASSWORD.toCharArray());
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot sign with the test user's key", e);
        }
    }

    public GeneratedKey key() {
        return key;
    }
}
