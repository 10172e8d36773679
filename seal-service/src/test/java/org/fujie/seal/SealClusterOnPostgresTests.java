package org.fujie.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.PublicHttp;
import org.fujie.ca.support.RunningCaService;
import org.fujie.ca.support.TestDatabases;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.pdf.TestPdfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Two ca-service and two seal-service instances on one PostgreSQL server (a database each for ca and seal) and one
 * data folder, as a cluster behind a load balancer runs them: issuance, revocation, seal approval and stamping are
 * spread over both instances of each, concurrently, and every certificate, revocation and usage record is found once,
 * through either instance; OCSP on both answers revoked for a certificate revoked on one, and CRLs published from both
 * are numbered without gaps or repeats. (Concurrent CRL publication itself: ClusterRevocationOnPostgresTests.)
 */
class SealClusterOnPostgresTests {

    private static final String MAKER = "CN=Cluster Maker,O=Ministry";
    private static final String APPROVER = "CN=Cluster Approver,O=Ministry";
    private static final String KEEPER = "CN=Cluster Keeper,O=Ministry";
    private static final int CERTIFICATES = 12;
    private static final int STAMPS = 8;

    @Test
    void clusterWhenWorkIsSpreadOverTwoInstancesOfEachThenEveryRecordIsThereOnceOnBoth(@TempDir Path dir) throws Exception {
        Map<String, Object> sealDatabase = TestDatabases.freshPostgres();
        try (RunningCaService ca1 = RunningCaService.onPostgres(Map.of("fujie.crl.on-revocation", "none"));
                RunningCaService ca2 = ca1.secondInstance();
                Seal seal1 = Seal.start(ca1, sealDatabase);
                Seal seal2 = Seal.start(ca2, sealDatabase)) {
            // Roles granted through one seal instance hold on the other: principals live in the shared database.
            FujieTestClient maker = seal1.withRole(ca1, MAKER, "SEAL_ADMIN");
            FujieTestClient approver = seal2.withRole(ca2, APPROVER, "SEAL_ADMIN");
            FujieTestClient keeper = seal1.withRole(ca1, KEEPER, "SEAL_KEEPER");

            // Issuance spread over both CA instances at once, then each certificate revoked on the other instance.
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<String>> issued = new ArrayList<>();
            for (int i = 0; i < CERTIFICATES; i++) {
                RunningCaService instance = i % 2 == 0 ? ca1 : ca2;
                String subject = "CN=Cluster User " + i;
                issued.add(pool.submit(() -> issue(instance, subject)));
            }
            List<String> serials = new ArrayList<>();
            for (Future<String> serial : issued) {
                serials.add(serial.get());
            }
            List<Future<Integer>> revoked = new ArrayList<>();
            for (int i = 0; i < CERTIFICATES; i += 2) {
                RunningCaService other = i % 4 == 0 ? ca2 : ca1;
                String serial = serials.get(i);
                revoked.add(pool.submit(() -> other.admin().post("/api/v1/certificates/" + serial + "/revoke",
                        Map.of("reason", "superseded")).status()));
            }
            for (Future<Integer> status : revoked) {
                assertThat(status.get()).isEqualTo(200);
            }

            // A seal made on one seal-service instance and approved on the other (four eyes across the cluster).
            FujieTestClient.Response made = maker.at(seal1.url).post("/api/v1/seals", Map.of("name", "集群印章", "organization",
                    "北京市数据管理局", "type", "CONTRACT", "algorithm", "EC-P256", "keepers", List.of(KEEPER)));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            String seal = made.json().get("id").asString();
            FujieTestClient.Response approved = approver.at(seal2.url).post("/api/v1/seals/" + seal + "/approve", Map.of());
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);

            // Stamps spread over both seal instances at once.
            List<Future<Integer>> stamps = new ArrayList<>();
            for (int i = 0; i < STAMPS; i++) {
                String url = i % 2 == 0 ? seal1.url : seal2.url;
                byte[] pdf = TestPdfs.page("Cluster document " + i);
                stamps.add(pool.submit(() -> keeper.at(url).postFilesForBytes("/api/v1/seals/" + seal + "/stamp", List.of(
                        new FujieTestClient.FilePart("document", "in.pdf", pdf),
                        new FujieTestClient.FilePart("options", "options.json", "{\"page\":1,\"x\":400,\"y\":100}".getBytes())))
                        .status()));
            }
            for (Future<Integer> status : stamps) {
                assertThat(status.get()).isEqualTo(200);
            }
            pool.shutdown();

            for (RunningCaService instance : List.of(ca1, ca2)) {
                for (int i = 0; i < CERTIFICATES; i++) {
                    JsonNode certificate = instance.admin().get("/api/v1/certificates/" + serials.get(i)).json();
                    assertThat(certificate.get("status").asString()).isEqualTo(i % 2 == 0 ? "REVOKED" : "VALID");
                }
            }
            // OCSP on either instance says revoked for a certificate revoked on the other (serial 0 went through ca2).
            OpenSsl openssl = new OpenSsl(dir);
            openssl.write("issuing.pem", ca1.admin().get("/api/v1/cas/issuing").json().get("certificatePem").asString());
            openssl.write("leaf.pem", ca1.admin().get("/api/v1/certificates/" + serials.get(0)).json().get("certificatePem").asString());
            for (RunningCaService instance : List.of(ca1, ca2)) {
                String answer = "";
                for (int attempt = 0; attempt < 50 && !answer.contains("revoked"); attempt++) {
                    answer = openssl.run("ocsp", "-issuer", "issuing.pem", "-cert", "leaf.pem", "-no_nonce", "-url",
                            instance.publicBaseUrl() + "/pki/ocsp", "-CAfile", ca1.trustChain().toString());
                    Thread.sleep(answer.contains("revoked") ? 0 : 200);
                }
                assertThat(answer).contains("leaf.pem: revoked", "Reason: superseded");
            }
            // CRLs published from both instances: numbered 1, 2, 3, ... without gaps, and both serve the same newest one.
            for (RunningCaService instance : List.of(ca1, ca2, ca1, ca2)) {
                assertThat(instance.admin().post("/api/v1/cas/issuing/crl", Map.of()).status()).isEqualTo(200);
            }
            JdbcClient caDatabase = ca1.bean(JdbcClient.class);
            List<Long> crlNumbers = caDatabase.sql("select details from audit_log where action in ('crl.publish', 'crl.publish-delta')"
                    + " and target = 'crl:issuing' order by seq").query(String.class).list().stream()
                    .map(details -> Long.parseLong(FujieTestClient.JSON.readTree(details).get("crlNumber").asString())).toList();
            assertThat(crlNumbers).hasSizeGreaterThanOrEqualTo(8)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, crlNumbers.size()).boxed().toList());
            byte[] crl1 = PublicHttp.get(ca1.publicBaseUrl() + "/pki/crl/issuing.crl").body();
            assertThat(PublicHttp.get(ca2.publicBaseUrl() + "/pki/crl/issuing.crl").body()).isEqualTo(crl1);
            openssl.write("issuing.crl", crl1);
            String crlText = openssl.run("crl", "-inform", "DER", "-in", "issuing.crl", "-noout", "-text");
            for (int i = 0; i < CERTIFICATES; i += 2) {
                assertThat(crlText).contains(serials.get(i).toUpperCase());
            }

            assertThat(caDatabase.sql("select count(*) from certificate where subject like 'CN=Cluster User %'").query(Long.class)
                    .single()).isEqualTo(CERTIFICATES);
            assertThat(caDatabase.sql("select count(distinct serial) from certificate").query(Long.class).single())
                    .isEqualTo(caDatabase.sql("select count(*) from certificate").query(Long.class).single());
            assertThat(caDatabase.sql("select count(*) from audit_log where action = 'certificate.revoke'").query(Long.class).single())
                    .isEqualTo(CERTIFICATES / 2);

            Set<String> usageIds = new HashSet<>();
            for (Seal instance : List.of(seal1, seal2)) {
                JsonNode usage = maker.at(instance.url).get("/api/v1/seals/" + seal + "/usage").json();
                assertThat(usage.size()).as("usage records through " + instance.url).isEqualTo(STAMPS);
                usage.forEach(record -> usageIds.add(record.get("id").asString()));
            }
            assertThat(usageIds).hasSize(STAMPS);
            assertThat(seal1.context.getBean(JdbcClient.class).sql("select count(*) from audit_log where action = 'seal.stamp'")
                    .query(Long.class).single()).isEqualTo(STAMPS);

            // Keepers replaced through one instance (twice: a PUT changes nothing more the second time); the removed
            // keeper's next stamp through the other instance is refused, as each request reads the keepers anew.
            for (int time = 0; time < 2; time++) {
                FujieTestClient.Response replaced = maker.at(seal2.url).put("/api/v1/seals/" + seal + "/keepers",
                        Map.of("keepers", List.of("CN=Cluster Successor,O=Ministry")));
                assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
            }
            FujieTestClient.Response refused = keeper.at(seal1.url).postFiles("/api/v1/seals/" + seal + "/stamp", List.of(
                    new FujieTestClient.FilePart("document", "in.pdf", TestPdfs.page("After the keepers changed")),
                    new FujieTestClient.FilePart("options", "options.json", "{\"page\":1,\"x\":400,\"y\":100}".getBytes())));
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:fujie:problem:seal-not-granted");
            assertThat(seal1.context.getBean(JdbcClient.class).sql("select keeper from seal_keeper where seal_id = ?")
                    .param(seal).query(String.class).list()).containsExactly("CN=Cluster Successor,O=Ministry");
        } finally {
            TestDatabases.drop(sealDatabase);
        }
    }

    private static String issue(RunningCaService ca, String subject) {
        FujieTestClient.Response issued = ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client", "subject", subject,
                "keyGeneration", Map.of("algorithm", "EC-P256", "password", "cluster-user")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().get("serialNumber").asString();
    }

    /** One seal-service instance on the shared seal database and data folder, talking to one ca-service instance. */
    private record Seal(ConfigurableApplicationContext context, String url, FujieTestClient admin) implements AutoCloseable {

        static Seal start(RunningCaService ca, Map<String, Object> database) {
            List<String> arguments = new ArrayList<>(List.of("--fujie.data-dir=" + ca.dataDir(), "--server.port=0",
                    "--fujie.seal.ca-url=" + ca.baseUrl(), "--fujie.seal.expiry-check-initial-delay=1d",
                    "--fujie.seal.tsa-url=http://127.0.0.1:1/tsa", "--fujie.security.role-cache-ttl=0s"));
            database.forEach((name, value) -> arguments.add("--" + name + "=" + value));
            ConfigurableApplicationContext context = SealServiceApplication.application().run(arguments.toArray(String[]::new));
            String url = "https://localhost:" + context.getEnvironment().getProperty("local.server.port");
            return new Seal(context, url, FujieTestClient.forPkcs12(url, ca.dataDir().resolve("bootstrap/admin.p12"),
                    ca.dataDir().resolve("bootstrap/admin.pass"), ca.trustChain()));
        }

        /** A client certificate from ca-service, granted the role in seal-service by the bootstrap ADMIN. */
        FujieTestClient withRole(RunningCaService ca, String subject, String role) {
            FujieTestClient.Response issued = ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client", "subject", subject,
                    "keyGeneration", Map.of("algorithm", "EC-P256", "password", "cluster-role")));
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            assertThat(admin.put("/api/v1/principals", Map.of("subject", subject, "roles", List.of(role))).status()).isBetween(200, 201);
            return FujieTestClient.forPkcs12(url, Base64.getDecoder().decode(issued.json().get("pkcs12").asString()),
                    "cluster-role".toCharArray(), ca.trustChain());
        }

        @Override
        public void close() {
            context.close();
        }
    }
}
