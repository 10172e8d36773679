package org.fujie.ca.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.fujie.ca.support.EmbeddedCaServiceTest;
import org.fujie.ca.support.FujieTestClient;
import org.fujie.pki.OpenSsl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;

/** Issuance through the HTTPS API on the embedded default, judged by openssl. */
class IssuanceApiTests extends EmbeddedCaServiceTest {


    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "RSA-2048, rsa:2048",
            "RSA-3072, rsa:3072",
            "EC-P256, ec -pkeyopt ec_paramgen_curve:P-256",
            "EC-P384, ec -pkeyopt ec_paramgen_curve:P-384",
            "Ed25519, ed25519"})
    void issueWhenOpensslCsrThenOpensslVerifiesTheCertificate(String algorithm, String newkey, @TempDir Path dir) {
        String csr = Csrs.openssl(dir, newkey, "/CN=web.example.gov/O=Ministry", "DNS:web.example.gov,IP:10.1.2.3");

        FujieTestClient.Response response = ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-server", "csr", csr));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.get("serialNumber").asString()).matches("[0-9a-f]{40}");
        new OpenSsl(dir).write("leaf.pem", body.get("certificatePem").asString());
        assertThat(new OpenSsl(dir).run("verify", "-CAfile", ca.trustChain().toString(), "leaf.pem")).contains("leaf.pem: OK");
        String text = new OpenSsl(dir).run("x509", "-in", "leaf.pem", "-noout", "-text");
        assertThat(text)
                .contains("Serial Number:")
                .contains("X509v3 Basic Constraints: critical", "CA:FALSE")
                .contains("X509v3 Key Usage: critical", "Digital Signature")
                .contains("TLS Web Server Authentication")
                .contains("DNS:web.example.gov", "IP Address:10.1.2.3")
                .contains("X509v3 Subject Key Identifier", "X509v3 Authority Key Identifier")
                .contains("OCSP - URI:http://127.0.0.1:8080/pki/ocsp")
                .contains("CA Issuers - URI:http://127.0.0.1:8080/pki/ca/issuing.crt")
                .contains("URI:http://127.0.0.1:8080/pki/crl/issuing.crl");
        // RFC 5480: only RSA keys may assert keyEncipherment.
        if (algorithm.startsWith("RSA")) {
            assertThat(text).contains("Key Encipherment");
        } else {
            assertThat(text).doesNotContain("Key Encipherment");
        }
        // The serial is 20 octets on the wire (openssl prints 20 colon-separated bytes).
        String serialLine = text.substring(text.indexOf("Serial Number:")).lines().skip(1).findFirst().orElseThrow().strip();
        assertThat(serialLine.split(":")).hasSize(20);
        assertThat(ca.admin().get("/api/v1/certificates/" + body.get("serialNumber").asString()).status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "tls-client       | /CN=app-01/O=Ministry        |                         | TLS Web Client Authentication",
            "user-auth        | /CN=Zhang San/O=Ministry      | email:zhang@example.gov | E-mail Protection",
            "document-signing | /CN=Doc Signer/O=Ministry     |                         | 1.3.6.1.5.5.7.3.36",
            "seal             | /CN=公章/O=某部                 |                         | Non Repudiation",
            "ocsp-signing     | /CN=OCSP Responder/O=Fujie    |                         | OCSP No Check",
            "tsa              | /CN=Time Stamping/O=Fujie     |                         | X509v3 Extended Key Usage: critical"})
    void issueWhenProfileThenOpensslShowsItsExtensions(String profile, String subject, String san, String expected, @TempDir Path dir) {
        String csr = Csrs.openssl(dir, "ec -pkeyopt ec_paramgen_curve:P-256", subject, san);

        FujieTestClient.Response response = ca.admin().post("/api/v1/certificates", Map.of("profile", profile, "csr", csr));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        new OpenSsl(dir).write("leaf.pem", response.json().get("certificatePem").asString());
        assertThat(new OpenSsl(dir).run("verify", "-CAfile", ca.trustChain().toString(), "leaf.pem")).contains("OK");
        assertThat(new OpenSsl(dir).run("x509", "-in", "leaf.pem", "-noout", "-text", "-nameopt", "utf8")).contains(expected);
        assertThat(response.json().get("profile").asString()).isEqualTo(profile);
    }

    @Test
    void issueWhenServerSideKeyGenerationThenPkcs12OpensWithOpensslAndKeyMatches(@TempDir Path dir) throws Exception {
        FujieTestClient.Response response = ca.admin().post("/api/v1/certificates", Map.of(
                "profile", "tls-client",
                "subject", "CN=Batch Job,O=Ministry",
                "keyGeneration", Map.of("algorithm", "EC-P384", "password", "correct horse battery")));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        Files.write(dir.resolve("key.p12"), Base64.getDecoder().decode(response.json().get("pkcs12").asString()));
        new OpenSsl(dir).write("issued.pem", response.json().get("certificatePem").asString());
        String dump = new OpenSsl(dir).run("pkcs12", "-in", "key.p12", "-passin", "pass:correct horse battery", "-nodes");
        assertThat(dump).contains("BEGIN PRIVATE KEY", "BEGIN CERTIFICATE", "Fujie Issuing CA");
        new OpenSsl(dir).run("pkcs12", "-in", "key.p12", "-passin", "pass:correct horse battery", "-nocerts", "-nodes", "-out", "key.pem");
        String keyPublic = new OpenSsl(dir).run("pkey", "-in", "key.pem", "-pubout");
        String certificatePublic = new OpenSsl(dir).run("x509", "-in", "issued.pem", "-noout", "-pubkey");
        assertThat(keyPublic.strip()).isEqualTo(certificatePublic.strip());
        assertThat(new OpenSsl(dir).execute("pkcs12", "-in", "key.p12", "-passin", "pass:wrong password", "-nodes").exitCode()).isNotZero();
        // The key never comes back: the stored certificate is all the service keeps.
        assertThat(ca.admin().get("/api/v1/certificates/" + response.json().get("serialNumber").asString()).body())
                .doesNotContain("pkcs12").doesNotContain("PRIVATE KEY");
    }

    @Test
    void searchWhenFilteredThenOnlyMatchesAreListed(@TempDir Path dir) {
        String csr = Csrs.openssl(dir, "ec -pkeyopt ec_paramgen_curve:P-256", "/CN=searchable-unique-7/O=Ministry", "");
        assertThat(ca.admin().post("/api/v1/certificates", Map.of("profile", "document-signing", "csr", csr)).status()).isEqualTo(201);

        JsonNode page = ca.admin().get("/api/v1/certificates?subject=SEARCHABLE-unique-7&profile=document-signing").json();

        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("subject").asString()).contains("searchable-unique-7");
        assertThat(ca.admin().get("/api/v1/certificates?subject=searchable-unique-7&profile=tls-server").json().get("total").asLong()).isZero();
        assertThat(ca.admin().get("/api/v1/certificates?expiresBefore=2000-01-01T00:00:00Z").json().get("total").asLong()).isZero();
        assertThat(ca.admin().get("/api/v1/certificates?expiresBefore=yesterday").json().get("type").asString())
                .isEqualTo("urn:fujie:problem:malformed-request");
    }

    @Test
    void listWhenProfilesAndCasThenContractFieldsPresent() {
        JsonNode profiles = ca.admin().get("/api/v1/profiles").json();
        List<String> names = profiles.valueStream().map(p -> p.get("name").asString()).toList();
        assertThat(names).contains("tls-server", "tls-client", "user-auth", "document-signing", "seal", "ocsp-signing", "tsa");
        assertThat(profiles.get(0).has("keyUsages")).isTrue();
        assertThat(profiles.get(0).has("allowedAlgorithms")).isTrue();
        assertThat(profiles.get(0).has("maxValidityDays")).isTrue();

        JsonNode cas = ca.admin().get("/api/v1/cas").json();
        assertThat(cas.valueStream().map(c -> c.get("id").asString()).toList()).contains("root", "issuing");
        JsonNode issuing = cas.valueStream().filter(c -> c.get("id").asString().equals("issuing")).findFirst().orElseThrow();
        assertThat(issuing.get("parentId").asString()).isEqualTo("root");
        assertThat(issuing.get("certificatePem").asString()).startsWith("-----BEGIN CERTIFICATE-----");
    }
}
