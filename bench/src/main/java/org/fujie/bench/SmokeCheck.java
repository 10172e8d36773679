package org.fujie.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.pki.crypto.Verifiers;
import org.fujie.pki.x509.Pem;

/**
 * One request before the load: it must answer 201 with a certificate signed by the issuing CA, for
 * the requested name. A benchmark that counts answers it never looked at could count garbage. The
 * certificate is read and checked with Bouncy Castle (the JDK cannot read SM2 keys); SM2 signatures
 * are checked under the deployment's user ID ({@link Verifiers}).
 */
final class SmokeCheck {

    private SmokeCheck() {
    }

    static X509CertificateHolder run(Transport transport, CsrPool.Entry entry, X509CertificateHolder issuingCa) throws Exception {
        Transport.Response response;
        try (Transport.Connection connection = transport.open()) {
            response = connection.post(entry.body());
        }
        String json = new String(response.body(), StandardCharsets.UTF_8);
        if (response.status() != 201) {
            throw new IOException("the smoke request got HTTP " + response.status() + ": " + json);
        }
        String pem = field(json, "certificatePem").replace("\\n", "\n").replace("\\r", "");
        X509CertificateHolder certificate = new X509CertificateHolder(Pem.decode(pem, "CERTIFICATE"));
        if (!certificate.getIssuer().equals(issuingCa.getSubject())
                || !certificate.isSignatureValid(Verifiers.of(issuingCa.getSubjectPublicKeyInfo()))) {
            throw new IOException("the smoke certificate does not verify under " + issuingCa.getSubject());
        }
        if (!certificate.getSubject().toString().contains(entry.dnsName())
                || !certificate.getSubjectPublicKeyInfo().equals(entry.publicKey())) {
            throw new IOException("the smoke certificate is for " + certificate.getSubject() + ", not the CSR's name and key");
        }
        return certificate;
    }

    /** The value of a top-level string field; enough for the service's own flat answer. */
    static String field(String json, String name) throws IOException {
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
