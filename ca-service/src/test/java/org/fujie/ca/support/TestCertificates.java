package org.fujie.ca.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Certificates the tests need, issued by a running ca-service as its bootstrap ADMIN with a key it generates. */
public final class TestCertificates {

    /** What was issued: the API's answer, and the PKCS#12 file with its password. */
    public record Issued(String serial, String fingerprint, String subject, byte[] pkcs12, char[] password) {
    }

    private TestCertificates() {
    }

    /** A tls-client certificate (EC P-256) for the subject. */
    public static Issued tlsClient(RunningCaService ca, String subject, String password) {
        return issue(ca, Map.of("profile", "tls-client", "subject", subject,
                "keyGeneration", Map.of("algorithm", "EC-P256", "password", password)), password);
    }

    /** A tls-server certificate (EC P-256) for localhost, e.g. for a stand-in server the services must trust. */
    public static Issued tlsServerForLocalhost(RunningCaService ca, String password) {
        return issue(ca, Map.of("profile", "tls-server", "subject", "CN=localhost", "sans", List.of("dns:localhost"),
                "keyGeneration", Map.of("algorithm", "EC-P256", "password", password)), password);
    }

    /** Grants the certificate these roles in the running service, by fingerprint; the id of the grant. */
    public static String grant(RunningCaService ca, Issued certificate, String... roles) {
        FujieTestClient.Response granted = ca.admin().put("/api/v1/principals",
                Map.of("fingerprint", certificate.fingerprint(), "roles", List.of(roles)));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        return granted.json().get("id").asString();
    }

    private static Issued issue(RunningCaService ca, Map<String, Object> request, String password) {
        FujieTestClient.Response issued = ca.admin().post("/api/v1/certificates", request);
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return new Issued(issued.json().get("serialNumber").asString(), issued.json().get("fingerprint").asString(),
                issued.json().get("subject").asString(), Base64.getDecoder().decode(issued.json().get("pkcs12").asString()),
                password.toCharArray());
    }
}
