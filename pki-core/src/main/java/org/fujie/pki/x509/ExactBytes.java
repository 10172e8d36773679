package org.fujie.pki.x509;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * Bytes as a map key, equal only to the same bytes: caches of verdicts key on what was checked itself, so a look-up
 * costs a plain hash of the bytes instead of a SHA-256, and no two inputs can share a verdict.
 */
public final class ExactBytes {

    private final byte[] bytes;
    private final int hash;

    private ExactBytes(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** A copy of the bytes, so later changes to the array do not change the key. */
    public static ExactBytes of(byte[] bytes) {
        return new ExactBytes(bytes.clone());
    }

    public static ExactBytes of(X509Certificate certificate) {
        try {
            return new ExactBytes(certificate.getEncoded());  // a copy already
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode a certificate", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExactBytes that && hash == that.hash && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
