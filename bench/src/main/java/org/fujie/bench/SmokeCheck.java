package org.fujie.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * One request before the load: it must answer 201 with a certificate signed by the issuing CA, for
 * the requested name. A benchmark that counts answers it never looked at could count garbage.
 */
final class SmokeCheck {

    private SmokeCheck() {
    }

    static X509Certificate run(Transport transport, CsrPool.Entry entry, X509Certificate issuingCa) throws Exception {
        Transport.Response response;
        try (Transport.Connection connection = transport.open()) {
            response = connection.post(entry.body());
        }
        String json = new String(response.body(), StandardCharsets.UTF_8);
        if (response.status() != 201) {
            throw new IOException("the smoke request got HTTP " + response.status() + ": " + json);
        }
        String pem = field(json, "certificatePem").replace("\\n", "\n").replace("\\r", "");
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        certificate.verify(issuingCa.getPublicKey());
        if (!certificate.getSubjectX500Principal().getName().contains(entry.dnsName())) {
            throw new IOException("the smoke certificate is for " + certificate.getSubjectX500Principal());
        }
        return certificate;
    }

    /** The value of a top-level string field; enough for the service's own flat answer. */
    private static String field(String json, String name) throws IOException {
        String key = "\"" + name + "\":\"";
        int start = json.indexOf(key);
        if (start < 0) {
            throw new IOException("no " + name + " in the answer: " + json);
        }
        start += key.length();
        int end = json.indexOf('"', start);
        return json.substring(start, end);
    }
}
