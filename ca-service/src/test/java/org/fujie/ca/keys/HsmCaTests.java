package org.fujie.ca.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.RunningCaService;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.operator.SoftHsm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

/**
 * ca-service with a pkcs11 backend on a SoftHSM2 token found by its label: the key ceremony makes CA keys in the token,
 * CAs are made from them, and what they sign (certificates, CRLs, OCSP responder certificates) openssl verifies. The
 * token's library is missing at first, as on a machine whose HSM client is not installed yet: the backend is
 * unavailable with a clear reason and is picked up once the library is there, without a restart. The only class of
 * this module that opens PKCS#11 (SoftHSM2 reads its tokens when first initialised in a JVM).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HsmCaTests {

    @TempDir
    static Path dir;

    private SoftHsm.Token token;
    private Path library;
    private RunningCaService ca;

    @BeforeAll
    void start() throws Exception {
        token = SoftHsm.newToken();
        Path pinFile = dir.resolve("hsm.pin");
        Files.writeString(pinFile, SoftHsm.PIN + "\n");
        library = dir.resolve("hsm-client").resolve("libsofthsm2.so");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("fujie.keys.backends.hsm.type", "pkcs11");
        settings.put("fujie.keys.backends.hsm.library", library.toString());
        settings.put("fujie.keys.backends.hsm.token-label", token.label());
        settings.put("fujie.keys.backends.hsm.pin-file", pinFile.toString());
        settings.put("fujie.keys.routes.ca-routed", "hsm");
        // Every look-up tries an unavailable backend again once the pause is over; keep the pauses short and fixed here.
        settings.put("fujie.keys.retry-max", "1s");
        ca = RunningCaService.start(settings);
    }

    @AfterAll
    void stop() {
        ca.close();
    }

    @Test
    @Order(1)
    void generateWhenHsmLibraryMissingThenUnavailableAndRecoversWithoutRestart() throws Exception {
        HttpResponse<String> refused = ca.admin().exchange("POST", "/api/v1/keys", "application/json",
                "{\"alias\":\"ca-hsm-root\",\"algorithm\":\"EC-P384\",\"backend\":\"hsm\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("5");
        JsonNode problem = FujieTestClient.JSON.readTree(refused.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:fujie:problem:key-unavailable");
        assertThat(problem.get("detail").asString()).contains("key backend hsm is unavailable", library + " cannot be read")
                .doesNotContain(SoftHsm.PIN);

        JsonNode down = backend("hsm");
        assertThat(down.get("state").asString()).isEqualTo("unavailable");
        assertThat(down.get("reason").asString()).contains("cannot be read");
        assertThat(backend("software").get("state").asString()).isEqualTo("available");

        Files.createDirectories(library.getParent());
        Files.createSymbolicLink(library, SoftHsm.LIBRARY);
        Thread.sleep(1_100); // the first pause of the backoff

        JsonNode made = created("/api/v1/keys", Map.of("alias", "ca-hsm-root", "algorithm", "EC-P384", "backend", "hsm"));
        assertThat(made.get("backend").asString()).isEqualTo("hsm");
        assertThat(made.get("algorithm").asString()).isEqualTo("EC-P384");
        assertThat(backend("hsm").get("state").asString()).isEqualTo("available");
        JsonNode shown = ca.admin().get("/api/v1/keys/ca-hsm-root").json();
        assertThat(shown.get("publicKeySha256").asString()).isEqualTo(made.get("publicKeySha256").asString()).hasSize(64);
        assertThat(shown.get("usedByCa").isNull()).isTrue();
        assertThat(shown.toString()).doesNotContain("PRIVATE");
        assertThat(ca.admin().post("/api/v1/keys", Map.of("alias", "ca-hsm-root", "algorithm", "EC-P384")).status()).isEqualTo(409);
        assertThat(ca.admin().post("/api/v1/keys", Map.of("alias", "tls-x", "algorithm", "EC-P384")).status()).isEqualTo(400);
        assertThat(ca.admin().post("/api/v1/keys", Map.of("alias", "ca-x", "algorithm", "EC-P384", "backend", "nope")).status())
                .isEqualTo(400);
    }

    @Test
    @Order(2)
    void caWhenKeysInHsmThenCertificateCrlAndOcspVerifyWithOpenssl() {
        created("/api/v1/keys", Map.of("alias", "ca-hsm-issuing", "algorithm", "RSA-2048", "backend", "hsm"));
        JsonNode root = created("/api/v1/cas", Map.of("id", "hsm-root", "subject", "CN=HSM Root,O=Ministry", "keyAlias", "ca-hsm-root",
                "pathLength", 1));
        assertThat(root.get("keyBackend").asString()).isEqualTo("hsm");
        assertThat(root.get("algorithm").asString()).isEqualTo("EC-P384");
        JsonNode issuing = created("/api/v1/cas", Map.of("id", "hsm-issuing", "subject", "CN=HSM Issuing,O=Ministry",
                "keyAlias", "ca-hsm-issuing", "parentId", "hsm-root", "pathLength", 0));
        assertThat(issuing.get("keyStatus").asString()).isEqualTo("available");
        assertThat(ca.admin().get("/api/v1/keys/ca-hsm-issuing").json().get("usedByCa").asString()).isEqualTo("hsm-issuing");
        // A key is one CA's.
        assertThat(ca.admin().post("/api/v1/cas", Map.of("id", "again", "subject", "CN=Again", "keyAlias", "ca-hsm-root")).status())
                .isEqualTo(400);

        verifyIssuance("hsm-issuing", root, issuing);
    }

    @Test
    @Order(3)
    void caWhenRouteSendsNewCaKeysToHsmThenKeyIsMadeThere() {
        JsonNode routed = created("/api/v1/cas", Map.of("id", "routed", "subject", "CN=Routed Root", "algorithm", "EC-P256"));
        assertThat(routed.get("keyBackend").asString()).isEqualTo("hsm");
        assertThat(ca.admin().get("/api/v1/keys/ca-routed").json().get("backend").asString()).isEqualTo("hsm");
        // Keys no route names stay in software.
        assertThat(created("/api/v1/cas", Map.of("id", "plain", "subject", "CN=Plain Root", "algorithm", "EC-P256"))
                .get("keyBackend").asString()).isEqualTo("software");
    }

    @Test
    @Order(4)
    void restartWhenCaKeyInHsmThenCaSignsAgain() {
        ca.restart();
        JsonNode root = ca.admin().get("/api/v1/cas/hsm-root").json();
        JsonNode issuing = ca.admin().get("/api/v1/cas/hsm-issuing").json();
        verifyIssuance("hsm-issuing", root, issuing);
    }

    @Test
    @Order(5)
    void restartWhenHsmMissingThenCaServesWhatNeedsNoKeyRefusesToSignAndRecovers() throws Exception {
        Files.delete(library);
        ca.restart();
        OpenSsl openssl = new OpenSsl(dir);
        FujieTestClient publicHttp = FujieTestClient.anonymous(ca.publicBaseUrl(), ca.trustChain());
        long before = ca.admin().get("/api/v1/certificates?caId=hsm-issuing").json().get("total").asLong();

        openssl.run("req", "-new", "-nodes", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-keyout", "down.key",
                "-subj", "/CN=down.example", "-addext", "subjectAltName=DNS:down.example", "-out", "down.csr");
        Map<String, Object> request = Map.of("profile", "tls-server", "caId", "hsm-issuing", "csr", openssl.read("down.csr"));
        FujieTestClient.Response refused = ca.admin().post("/api/v1/certificates", request);
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:fujie:problem:key-unavailable");
        assertThat(refused.json().get("detail").asString()).contains("key ca-hsm-issuing is unavailable", "cannot be read");
        JsonNode status = ca.admin().get("/api/v1/cas/hsm-issuing").json();
        assertThat(status.get("keyStatus").asString()).isEqualTo("unavailable");
        assertThat(status.get("keyUnavailableReason").asString()).contains("cannot be read");
        // Nothing half-written, and what needs no key is served: the CA certificate, its CRL, OCSP (responder key elsewhere).
        assertThat(ca.admin().get("/api/v1/certificates?caId=hsm-issuing").json().get("total").asLong()).isEqualTo(before);
        assertThat(publicHttp.getBytes("/pki/ca/hsm-issuing.crt").status()).isEqualTo(200);
        assertThat(publicHttp.getBytes("/pki/crl/hsm-issuing.crl").status()).isEqualTo(200);
        assertThat(openssl.run("ocsp", "-issuer", "issuing.pem", "-cert", "leaf.pem", "-no_nonce", "-url",
                ca.publicBaseUrl() + "/pki/ocsp", "-CAfile", "chain.pem")).contains("leaf.pem: good");
        // Other CAs sign as ever.
        assertThat(ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-server", "caId", "issuing",
                "csr", openssl.read("down.csr"))).status()).isEqualTo(201);

        Files.createSymbolicLink(library, SoftHsm.LIBRARY);
        Thread.sleep(1_100); // the pause (fujie.keys.retry-max)
        FujieTestClient.Response recovered = ca.admin().post("/api/v1/certificates", request);
        assertThat(recovered.status()).as(recovered.body()).isEqualTo(201);
        assertThat(ca.admin().get("/api/v1/cas/hsm-issuing").json().get("keyStatus").asString()).isEqualTo("available");
    }

    private void verifyIssuance(String caId, JsonNode root, JsonNode issuing) {
        OpenSsl openssl = new OpenSsl(dir);
        openssl.write("root.pem", root.get("certificatePem").asString());
        openssl.write("issuing.pem", issuing.get("certificatePem").asString());
        openssl.run("req", "-new", "-nodes", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-keyout", "leaf.key",
                "-subj", "/CN=hsm.example", "-addext", "subjectAltName=DNS:hsm.example", "-out", "leaf.csr");
        FujieTestClient.Response leaf = ca.admin().post("/api/v1/certificates",
                Map.of("profile", "tls-server", "caId", caId, "csr", openssl.read("leaf.csr")));
        assertThat(leaf.status()).as(leaf.body()).isEqualTo(201);
        openssl.write("leaf.pem", leaf.json().get("certificatePem").asString());
        assertThat(openssl.run("verify", "-CAfile", "root.pem", "-untrusted", "issuing.pem", "leaf.pem")).contains("leaf.pem: OK");

        assertThat(ca.admin().post("/api/v1/cas/" + caId + "/crl", Map.of()).status()).isEqualTo(200);
        FujieTestClient.Bytes crl = FujieTestClient.anonymous(ca.publicBaseUrl(), ca.trustChain()).getBytes("/pki/crl/" + caId + ".crl");
        assertThat(crl.status()).isEqualTo(200);
        openssl.write("crl.der", crl.body());
        OpenSsl.Result checked = openssl.execute("crl", "-inform", "DER", "-in", "crl.der", "-CAfile", "issuing.pem", "-noout");
        assertThat(checked.stdout() + checked.stderr())
                .contains("verify OK");

        openssl.write("chain.pem", root.get("certificatePem").asString() + issuing.get("certificatePem").asString());
        String ocsp = openssl.run("ocsp", "-issuer", "issuing.pem", "-cert", "leaf.pem", "-no_nonce", "-url",
                ca.publicBaseUrl() + "/pki/ocsp", "-CAfile", "chain.pem");
        assertThat(ocsp).contains("leaf.pem: good");
    }

    private JsonNode backend(String name) {
        for (JsonNode backend : ca.admin().get("/api/v1/key-backends").json().get("backends")) {
            if (backend.get("name").asString().equals(name)) {
                return backend;
            }
        }
        throw new AssertionError("no key backend " + name);
    }

    private JsonNode created(String path, Map<String, Object> body) {
        FujieTestClient.Response response = ca.admin().post(path, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }
}
