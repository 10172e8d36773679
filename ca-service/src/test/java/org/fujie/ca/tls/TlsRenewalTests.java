package org.fujie.ca.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.RunningCaService;
import org.fujie.ca.support.ServedCertificates;
import org.fujie.pki.x509.Pem;
import org.fujie.pki.x509.SerialNumbers;
import org.fujie.service.config.ServiceTls;
import org.fujie.service.tls.TlsCertificateRenewer;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * ca-service's own TLS certificate renewed while it runs: renew-before longer than the bootstrap certificate's 365
 * days makes it due at once; the schedule's first run is an hour away, so the test decides when it happens.
 */
class TlsRenewalTests {

    private static final Map<String, Object> DUE_AT_ONCE = Map.of(
            "fujie.tls.renew-before", "3650d",
            "fujie.tls.check-initial-delay", "1h",
            "spring.ssl.bundle.watch.file.quiet-period", "200ms");

    @Test
    void renewWhenCertificateWithinRenewBeforeThenServedSerialChangesWithoutRestart() throws Exception {
        try (RunningCaService ca = RunningCaService.start(DUE_AT_ONCE)) {
            int port = URI.create(ca.baseUrl()).getPort();
            X509Certificate before = ServedCertificates.served(port, ca.trustChain());
            assertThat(before.getSerialNumber()).isEqualTo(bootstrapCertificate(ca).getSerialNumber());

            X509Certificate renewed = ca.bean(TlsCertificateRenewer.class).renewIfDue().orElseThrow();

            X509Certificate served = ServedCertificates.awaitSerial(port, ca.trustChain(), renewed.getSerialNumber());
            assertThat(served.getSerialNumber()).isNotEqualTo(before.getSerialNumber());
            assertThat(served.getPublicKey()).as("a new key, not the old one re-certified").isNotEqualTo(before.getPublicKey());
            assertThat(served.getSubjectX500Principal()).isEqualTo(before.getSubjectX500Principal());
            assertThat(served.getSubjectAlternativeNames()).containsExactlyElementsOf(before.getSubjectAlternativeNames());
            Path keyStore = ServiceTls.keyStore(ca.dataDir(), "ca-service");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyStore))).isEqualTo("rw-------");

            // Requests still work: on a new connection (the new certificate) and on the admin's pooled one.
            FujieTestClient fresh = FujieTestClient.forPkcs12(ca.baseUrl(), ca.dataDir().resolve("bootstrap/admin.p12"),
                    ca.dataDir().resolve("bootstrap/admin.pass"), ca.trustChain());
            String serial = SerialNumbers.toHex(renewed.getSerialNumber());
            FujieTestClient.Response stored = fresh.get("/api/v1/certificates/" + serial);
            assertThat(stored.status()).as("issued through ca-service's own issuance path").isEqualTo(200);
            assertThat(stored.json().get("profile").asString()).isEqualTo("tls-server");
            assertThat(ca.admin().get("/api/v1/cas").status()).isEqualTo(200);
            JsonNode audit = fresh.get("/api/v1/audit?action=tls.renewed").json();
            assertThat(audit.get("total").asLong()).isEqualTo(1);
            assertThat(audit.get("items").get(0).get("target").asString()).isEqualTo("certificate:" + serial);
            assertThat(audit.get("items").get(0).get("details").asString())
                    .contains(SerialNumbers.toHex(before.getSerialNumber())).doesNotContain("PRIVATE");
        }
    }

    @Test
    void renewWhenNotWithinRenewBeforeThenKeyStoreUntouched() throws Exception {
        try (RunningCaService ca = RunningCaService.start(Map.of("fujie.tls.check-initial-delay", "1h"))) {
            Path keyStore = ServiceTls.keyStore(ca.dataDir(), "ca-service");
            byte[] before = Files.readAllBytes(keyStore);

            Optional<X509Certificate> renewed = ca.bean(TlsCertificateRenewer.class).renewIfDue();

            assertThat(renewed).as("365 days left, 30 days before expiry is the default").isEmpty();
            assertThat(Files.readAllBytes(keyStore)).isEqualTo(before);
            assertThat(ca.admin().get("/api/v1/audit?action=tls.renewed").json().get("total").asLong()).isZero();
        }
    }

    @Test
    void renewWhenTwoInstancesShareDataFolderThenOnlyOneRenews() throws Exception {
        try (RunningCaService first = RunningCaService.onPostgres(DUE_AT_ONCE); RunningCaService second = first.secondInstance()) {
            TlsCertificateRenewer one = first.bean(TlsCertificateRenewer.class);
            TlsCertificateRenewer other = second.bean(TlsCertificateRenewer.class);
            X509Certificate judgedDue = one.current();
            assertThat(other.current()).isEqualTo(judgedDue);

            // Both decided on the same certificate and act at the same moment, as two schedules might.
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<Optional<X509Certificate>> a = threads.submit(() -> {
                    go.await();
                    return one.replace(judgedDue);
                });
                Future<Optional<X509Certificate>> b = threads.submit(() -> {
                    go.await();
                    return other.replace(judgedDue);
                });
                go.countDown();
                List<X509Certificate> renewed = List.of(a.get(), b.get()).stream().flatMap(Optional::stream).toList();

                assertThat(renewed).hasSize(1);
                assertThat(one.current()).isEqualTo(renewed.get(0));
                assertThat(first.admin().get("/api/v1/audit?action=tls.renewed").json().get("total").asLong()).isEqualTo(1);
                // Both instances watch the same file: both serve the one new certificate.
                ServedCertificates.awaitSerial(URI.create(first.baseUrl()).getPort(), first.trustChain(), renewed.get(0).getSerialNumber());
                ServedCertificates.awaitSerial(URI.create(second.baseUrl()).getPort(), second.trustChain(), renewed.get(0).getSerialNumber());
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private static X509Certificate bootstrapCertificate(RunningCaService ca) throws Exception {
        return Pem.parseCertificates(Files.readString(ca.dataDir().resolve("ca-service/bootstrap/issued/tls-server--ca-service.pem")))
                .get(0);
    }
}
