package org.fujie.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.ServedCertificates;
import org.fujie.pki.x509.Pem;
import org.fujie.pki.x509.SerialNumbers;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * trust-service renews its TLS certificate on its schedule, from ca-service's API with its client credential: with
 * renew-before longer than the certificate's validity, the first check (right after start) renews it.
 */
class TrustTlsRenewalTests {

    @Test
    void scheduleWhenCertificateWithinRenewBeforeThenRenewedFromCaServiceAndServedWithoutRestart() throws Exception {
        try (RunningTrustService services = RunningTrustService.start(Map.of("fujie.tls.renew-before", "3650d",
                "fujie.tls.check-initial-delay", "0s", "spring.ssl.bundle.watch.file.quiet-period", "200ms"))) {
            int port = URI.create(services.trustUrl).getPort();
            BigInteger bootstrapSerial = Pem.parseCertificates(Files.readString(services.ca.dataDir()
                    .resolve("ca-service/bootstrap/issued/tls-server--trust-service.pem"))).get(0).getSerialNumber();

            X509Certificate served = awaitSerialOtherThan(port, services, bootstrapSerial);

            String serial = SerialNumbers.toHex(served.getSerialNumber());
            JsonNode audit = services.admin.get("/api/v1/audit?action=tls.renewed").json();
            assertThat(audit.get("total").asLong()).isEqualTo(1);
            assertThat(audit.get("items").get(0).get("target").asString()).isEqualTo("certificate:" + serial);
            assertThat(audit.get("items").get(0).get("details").asString()).contains(SerialNumbers.toHex(bootstrapSerial));
            FujieTestClient.Response atCa = services.ca.admin().get("/api/v1/certificates/" + serial);
            assertThat(atCa.status()).as("issued by ca-service").isEqualTo(200);
            assertThat(atCa.json().get("profile").asString()).isEqualTo("tls-server");
            assertThat(atCa.json().get("subject").asString()).contains("CN=trust-service");
            // The same running application answers on a new connection with the new certificate.
            FujieTestClient fresh = FujieTestClient.forPkcs12(services.trustUrl, services.ca.dataDir().resolve("bootstrap/admin.p12"),
                    services.ca.dataDir().resolve("bootstrap/admin.pass"), services.ca.trustChain());
            assertThat(fresh.get("/api/v1/trust-anchors").status()).isEqualTo(200);
            assertThat(services.trust.isActive()).isTrue();
        }
    }

    private static X509Certificate awaitSerialOtherThan(int port, RunningTrustService services, BigInteger old) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        X509Certificate served = ServedCertificates.served(port, services.ca.trustChain());
        while (served.getSerialNumber().equals(old) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            served = ServedCertificates.served(port, services.ca.trustChain());
        }
        assertThat(served.getSerialNumber()).as("trust-service's served certificate, renewed").isNotEqualTo(old);
        return served;
    }
}
