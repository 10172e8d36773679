package org.fujie.client.sdk.ca;

/** A CA key from the key ceremony: where it lives and its public half's SHA-256 fingerprint; never private material. */
public record CaKey(String alias, String backend, String algorithm, String publicKeySha256, String publicKeyPem,
        String usedByCa) {
}
