package org.fujie.ca.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.fujie.ca.support.EmbeddedCaServiceTest;
import org.fujie.pki.OpenSsl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CA certificates over plain HTTP, as AIA caIssuers points to them; nothing else is served there. */
class PublicCaCertificateTests extends EmbeddedCaServiceTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void caCertificateWhenFetchedOverPlainHttpThenDerThatOpensslReadsAndVerifies(@TempDir Path dir) throws Exception {
        HttpResponse<byte[]> issuing = get("/pki/ca/issuing.crt");
        HttpResponse<byte[]> root = get("/pki/ca/root.crt");

        assertThat(issuing.statusCode()).isEqualTo(200);
        assertThat(issuing.headers().firstValue("Content-Type")).hasValue("application/pkix-cert");
        assertThat(issuing.headers().firstValue("Cache-Control").orElse("")).contains("max-age=3600");
        OpenSsl openssl = new OpenSsl(dir);
        openssl.write("issuing.der", issuing.body());
        openssl.write("root.der", root.body());
        openssl.run("x509", "-inform", "DER", "-in", "root.der", "-out", "root.pem");
        openssl.run("x509", "-inform", "DER", "-in", "issuing.der", "-out", "issuing.pem");
        assertThat(openssl.run("x509", "-in", "issuing.pem", "-noout", "-subject")).contains("Fujie Issuing CA");
        assertThat(openssl.run("verify", "-CAfile", "root.pem", "issuing.pem")).contains("issuing.pem: OK");
    }

    @Test
    void publicPortWhenApiOrUnknownCaRequestedThenNotFound() throws Exception {
        assertThat(get("/api/v1/cas").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(404);
        assertThat(get("/pki/ca/nope.crt").statusCode()).isEqualTo(404);
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(ca.publicBaseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
