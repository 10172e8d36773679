package org.fujie.seal.stamp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.fujie.ca.support.FujieTestClient;
import org.fujie.pki.dss.ShippedDss;
import org.fujie.pki.operator.RoutingKeyBackend;
import org.fujie.pki.operator.SoftHsm;
import org.fujie.pki.pdf.Pdfsig;
import org.fujie.pki.pdf.TestPdfs;
import org.fujie.seal.SealTestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seal keys in a SoftHSM2 token (fujie.keys.routes.seal=hsm): the seal is made in the token, its CSR signed there, and
 * the PDF it stamps is accepted by poppler's pdfsig and by DSS. The only class of this module that opens PKCS#11.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HsmSealTests {

    @TempDir
    static Path dir;

    private SealTestServices services;

    @BeforeAll
    void start() throws Exception {
        SoftHsm.Token token = SoftHsm.newToken();
        Path pin = Files.writeString(dir.resolve("hsm.pin"), SoftHsm.PIN);
        services = SealTestServices.start("--fujie.keys.backends.hsm.type=pkcs11",
                "--fujie.keys.backends.hsm.library=" + SoftHsm.LIBRARY, "--fujie.keys.backends.hsm.token-label=" + token.label(),
                "--fujie.keys.backends.hsm.pin-file=" + pin, "--fujie.keys.routes.seal=hsm",
                // The GB/T 38540 seal maker's key is SM2, which PKCS#11 tokens seldom have: it stays in software.
                "--fujie.keys.routes.seal-maker=software");
    }

    @AfterAll
    void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void stampWhenSealKeyInHsmThenPdfsigAndDssAcceptTheSignature() throws Exception {
        String seal = services.activeSeal("硬件密钥章", "EC-P256");
        RoutingKeyBackend keys = services.sealServiceBean(RoutingKeyBackend.class);
        assertThat(keys.backendOf("seal-" + seal)).isEqualTo("hsm");

        FujieTestClient.Bytes stamped = services.stamp(seal, TestPdfs.page("Signed in the HSM"),
                "{\"page\":1,\"x\":400,\"y\":100,\"width\":120,\"level\":\"B-T\"}");
        assertThat(stamped.status()).as(new String(stamped.body())).isEqualTo(200);

        assertThat(Pdfsig.installed()).as("pdfsig (poppler-utils, installed by .ci/run)").isTrue();
        String pdfsig = services.pdfsig(dir).check(stamped.body());
        assertThat(pdfsig).as(pdfsig).contains("Signature is Valid.", "Certificate is Trusted.");
        ShippedDss.Report dss = services.dss(stamped.body());
        assertThat(dss.signatures().get(0).indication()).as(dss.toString()).isEqualTo("TOTAL_PASSED");
    }
}
