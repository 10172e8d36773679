package org.fujie.seal.stamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fujie.ca.support.FujieTestClient;
import org.fujie.pki.operator.RoutingKeyBackend;
import org.fujie.pki.operator.vault.VaultTransitStandIn;
import org.fujie.pki.pdf.Pdfsig;
import org.fujie.pki.pdf.TestPdfs;
import org.fujie.seal.SealTestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seal keys in Vault Transit (fujie.keys.routes.seal=vault) through the real vault-java-driver against
 * VaultTransitStandIn (written from Vault's API documentation, not Vault). A stamp verifies with pdfsig, and after the
 * key is rotated in Vault the seal still signs with the version its certificate names: pdfsig accepts that stamp too.
 * A sealed Vault makes stamping answer 503 key-unavailable, and stamping works again once it is unsealed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VaultSealTests {

    private static final String ROOT_TOKEN = "s.stand-in-root-token";

    @TempDir
    static Path dir;

    private VaultTransitStandIn vault;
    private SealTestServices services;
    private Pdfsig pdfsig;

    @BeforeAll
    void start() throws Exception {
        vault = VaultTransitStandIn.start(ROOT_TOKEN);
        Path token = Files.writeString(dir.resolve("vault.token"), ROOT_TOKEN);
        services = SealTestServices.start("--fujie.keys.backends.vault.type=vault",
                "--fujie.keys.backends.vault.address=" + vault.address(), "--fujie.keys.backends.vault.token-file=" + token,
                // Read the key from Vault on every stamp, so the rotation below is seen at once.
                "--fujie.keys.backends.vault.key-cache-ttl=0s", "--fujie.keys.retry-max=1s",
                "--fujie.keys.routes.seal=vault", "--fujie.keys.routes.seal-maker=software");
    }

    @AfterAll
    void stop() {
        if (services != null) {
            services.close();
        }
        vault.close();
    }

    @Test
    void stampWhenSealKeyInVaultThenPdfsigAcceptsItBeforeAndAfterRotationAndSealedVaultIsUnavailable() throws Exception {
        String seal = services.activeSeal("密钥库印章", "EC-P256");
        assertThat(services.sealServiceBean(RoutingKeyBackend.class).backendOf("seal-" + seal)).isEqualTo("vault");
        assertThat(Pdfsig.installed()).as("pdfsig (poppler-utils, installed by .ci/run)").isTrue();
        assertValidStamp(seal, "Before rotation");

        HttpResponse<String> rotated = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(vault.address() + "/v1/transit/keys/fujie-seal-" + seal + "/rotate"))
                .header("X-Vault-Token", ROOT_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(rotated.statusCode()).as(rotated.body()).isBetween(200, 204);
        assertValidStamp(seal, "After rotation");

        vault.sealed(true);
        FujieTestClient.Bytes refused = services.stamp(seal, TestPdfs.page("Sealed vault"), "{\"page\":1,\"x\":400,\"y\":100}");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(new String(refused.body())).contains("key-unavailable", "sealed").doesNotContain(ROOT_TOKEN);
        vault.sealed(false);
        Thread.sleep(1_100);
        assertValidStamp(seal, "Unsealed again");
    }

    private void assertValidStamp(String seal, String text) throws Exception {
        FujieTestClient.Bytes stamped = services.stamp(seal, TestPdfs.page(text), "{\"page\":1,\"x\":400,\"y\":100,\"width\":120}");
        assertThat(stamped.status()).as(new String(stamped.body())).isEqualTo(200);
        if (pdfsig == null) {
            pdfsig = services.pdfsig(dir); // one NSS database: certutil -N on an existing one would wait for a password
        }
        String report = pdfsig.check(stamped.body());
        assertThat(report).as(report).contains("Signature is Valid.", "Certificate is Trusted.");
    }
}
