package org.fujie.client.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.X509Certificate;

import org.fujie.client.boot.support.Certificates;

/** Certificates for the starter's unit tests (made once with openssl; public parts only). */
public final class TestCertificates {

    private TestCertificates() {
    }

    /** Self-signed, subject C=CN, O=Example Bureau, OU=Registration, CN=Alice Zhang. */
    public static X509Certificate alice() {
        try (InputStream in = TestCertificates.class.getResourceAsStream("/alice.pem")) {
            return Certificates.read(in).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
