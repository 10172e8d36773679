package org.fujie.client.sdk.ca;

/**
 * Server-side key generation: ca-service makes the key and answers with a PKCS#12 protected by the password.
 * Algorithms: RSA-2048, RSA-3072, EC-P256, EC-P384, Ed25519, SM2 (CONTRACT.md).
 */
public record KeyGeneration(String algorithm, String password) {

    @Override
    public String toString() {
        // The password never reaches a log line.
        return "KeyGeneration[" + algorithm + "]";
    }
}
