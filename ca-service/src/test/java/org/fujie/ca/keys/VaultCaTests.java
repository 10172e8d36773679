package org.fujie.ca.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.RunningCaService;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.operator.vault.VaultTransitStandIn;
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
 * ca-service with a CA key in Vault Transit, driven through the real vault-java-driver against VaultTransitStandIn (a
 * stand-in written from Vault's API documentation, not Vault): what the CA signs verifies with openssl; a sealed Vault
 * or a 403 makes the CA unavailable with the reason and it signs again once Vault is back; a key rotated in Vault
 * does not change the CA's key, which keeps signing with the version its certificate names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VaultCaTests {

    private static final String ROOT_TOKEN = "s.stand-in-root-token";

    @TempDir
    static Path dir;

    private VaultTransitStandIn vault;
    private RunningCaService ca;

    @BeforeAll
    void start() throws Exception {
        vault = VaultTransitStandIn.start(ROOT_TOKEN);
        Path token = Files.writeString(dir.resolve("vault.token"), ROOT_TOKEN);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("fujie.keys.backends.vault.type", "vault");
        settings.put("fujie.keys.backends.vault.address", vault.address());
        settings.put("fujie.keys.backends.vault.token-file", token.toString());
        settings.put("fujie.keys.routes.ca-transit", "vault");
        settings.put("fujie.keys.retry-max", "1s");
        ca = RunningCaService.start(settings);
    }

    @AfterAll
    void stop() {
        ca.close();
        vault.close();
    }

    @Test
    @Order(1)
    void caWhenKeyInVaultThenWhatItSignsVerifiesWithOpenssl() {
        JsonNode root = created(Map.of("id", "transit", "subject", "CN=Transit Root,O=Ministry", "algorithm", "EC-P256"));
        assertThat(root.get("keyBackend").asString()).isEqualTo("vault");
        assertThat(ca.admin().get("/api/v1/keys/ca-transit").json().get("backend").asString()).isEqualTo("vault");
        verifyLeaf("leaf1");
    }

    @Test
    @Order(2)
    void signWhenVaultSealedOrRefusingThenUnavailableWithReasonAndRecovers() throws Exception {
        vault.sealed(true);
        FujieTestClient.Response sealed = issue("sealed");
        assertThat(sealed.status()).as(sealed.body()).isEqualTo(503);
        assertThat(sealed.json().get("type").asString()).isEqualTo("urn:fujie:problem:key-unavailable");
        assertThat(sealed.json().get("detail").asString()).contains("ca-transit", "sealed").doesNotContain(ROOT_TOKEN);
        assertThat(ca.admin().get("/api/v1/cas/transit").json().get("keyStatus").asString()).isEqualTo("unavailable");

        vault.sealed(false);
        vault.denyAll(true);
        Thread.sleep(1_100);
        FujieTestClient.Response denied = issue("denied");
        assertThat(denied.status()).as(denied.body()).isEqualTo(503);
        assertThat(denied.json().get("detail").asString()).contains("403").doesNotContain(ROOT_TOKEN);

        vault.denyAll(false);
        Thread.sleep(1_100);
        verifyLeaf("leaf2");
        assertThat(ca.admin().get("/api/v1/cas/transit").json().get("keyStatus").asString()).isEqualTo("available");
    }

    @Test
    @Order(3)
    void restartWhenKeyRotatedInVaultThenCaSignsWithTheVersionItsCertificateNames() throws Exception {
        HttpResponse<String> rotated = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(vault.address() + "/v1/transit/keys/fujie-ca-transit/rotate"))
                .header("X-Vault-Token", ROOT_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rotated.statusCode()).as(rotated.body()).isBetween(200, 204);
        ca.restart();

        verifyLeaf("leaf3");
    }

    private void verifyLeaf(String name) {
        OpenSsl openssl = new OpenSsl(dir);
        openssl.write("transit.pem", ca.admin().get("/api/v1/cas/transit").json().get("certificatePem").asString());
        FujieTestClient.Response leaf = issue(name);
        assertThat(leaf.status()).as(leaf.body()).isEqualTo(201);
        openssl.write(name + ".pem", leaf.json().get("certificatePem").asString());
        assertThat(openssl.run("verify", "-CAfile", "transit.pem", name + ".pem")).contains(name + ".pem: OK");
        assertThat(ca.admin().post("/api/v1/cas/transit/crl", Map.of()).status()).isEqualTo(200);
        FujieTestClient.Bytes crl = FujieTestClient.anonymous(ca.publicBaseUrl(), ca.trustChain()).getBytes("/pki/crl/transit.crl");
        openssl.write("transit.crl", crl.body());
        OpenSsl.Result checked = openssl.execute("crl", "-inform", "DER", "-in", "transit.crl", "-CAfile", "transit.pem", "-noout");
        assertThat(checked.stdout() + checked.stderr()).contains("verify OK");
    }

    private FujieTestClient.Response issue(String name) {
        OpenSsl openssl = new OpenSsl(dir);
        openssl.run("req", "-new", "-nodes", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-keyout", name + ".key",
                "-subj", "/CN=" + name + ".example", "-addext", "subjectAltName=DNS:" + name + ".example", "-out", name + ".csr");
        return ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-server", "caId", "transit", "csr",
                openssl.read(name + ".csr")));
    }

    private JsonNode created(Map<String, Object> body) {
        FujieTestClient.Response response = ca.admin().post("/api/v1/cas", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }
}
