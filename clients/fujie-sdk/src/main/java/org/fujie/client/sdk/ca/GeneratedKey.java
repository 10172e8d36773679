package org.fujie.client.sdk.ca;

/** A certificate whose key ca-service generated, and that key with the certificate and chain as a PKCS#12. */
public record GeneratedKey(Certificate certificate, byte[] pkcs12) {

    public GeneratedKey {
        pkcs12 = pkcs12.clone();
    }

    @Override
    public byte[] pkcs12() {
        return pkcs12.clone();
    }

    @Override
    public String toString() {
        return "GeneratedKey[" + certificate.serialNumber() + "]";
    }
}
