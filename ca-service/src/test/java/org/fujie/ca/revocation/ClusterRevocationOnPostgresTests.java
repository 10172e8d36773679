package org.fujie.ca.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.RunningCaService;
import org.fujie.pki.OpenSsl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/** Two ca-service instances on one PostgreSQL database, as two nodes of a cluster. */
class ClusterRevocationOnPostgresTests {

    private static final int PUBLICATIONS_PER_INSTANCE = 8;

    @Test
    void crlWhenBothInstancesPublishAtOnceThenOneNumberPerCrlWithoutGapsOrDuplicates(@TempDir Path dir) throws Exception {
        try (RunningCaService first = RunningCaService.onPostgres(Map.of("fujie.crl.on-revocation", "full"));
                RunningCaService second = first.secondInstance()) {
            String serial = issue(first, "CN=Cluster Revoked");
            // Each revocation also triggers a publication on the instance that made it, racing the explicit ones.
            assertThat(second.admin().post("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "keyCompromise")).status())
                    .isEqualTo(200);

            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Integer>> results = new ArrayList<>();
            for (RunningCaService instance : List.of(first, second, first, second)) {
                results.add(pool.submit(() -> {
                    go.await();
                    int ok = 0;
                    for (int i = 0; i < PUBLICATIONS_PER_INSTANCE / 2; i++) {
                        ok += instance.admin().post("/api/v1/cas/issuing/crl", Map.of()).status() == 200 ? 1 : 0;
                    }
                    return ok;
                }));
            }
            go.countDown();
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(PUBLICATIONS_PER_INSTANCE / 2);
            }
            pool.shutdown();

            List<Long> numbers = first.bean(JdbcClient.class)
                    .sql("select details from audit_log where action in ('crl.publish', 'crl.publish-delta') and target = 'crl:issuing' order by seq")
                    .query(String.class).list().stream()
                    .map(details -> Long.parseLong(JsonMapper.builder().build().readTree(details).get("crlNumber").asString()))
                    .toList();
            // Every publication made a complete CRL and a delta: at least the 16 asked for, plus scheduled and triggered ones.
            assertThat(numbers.size()).isGreaterThanOrEqualTo(2 * 2 * PUBLICATIONS_PER_INSTANCE);
            assertThat(numbers).as("CRL numbers in the order they were made").containsExactlyElementsOf(
                    LongStream.rangeClosed(1, numbers.size()).boxed().toList());

            // The CRL either instance serves is the same newest one, and it lists the revocation.
            OpenSsl openssl = new OpenSsl(dir);
            openssl.write("first.der", org.fujie.ca.support.PublicHttp.get(first.publicBaseUrl() + "/pki/crl/issuing.crl").body());
            openssl.write("second.der", org.fujie.ca.support.PublicHttp.get(second.publicBaseUrl() + "/pki/crl/issuing.crl").body());
            assertThat(openssl.readBytes("first.der")).isEqualTo(openssl.readBytes("second.der"));
            assertThat(openssl.run("crl", "-inform", "DER", "-in", "first.der", "-noout", "-text")).contains(serial.toUpperCase());
        }
    }

    @Test
    void ocspWhenRevokedOnOneInstanceThenTheOtherAnswersRevokedWithinSeconds(@TempDir Path dir) throws Exception {
        try (RunningCaService first = RunningCaService.onPostgres(Map.of("fujie.crl.on-revocation", "none"));
                RunningCaService second = first.secondInstance()) {
            OpenSsl openssl = new OpenSsl(dir);
            openssl.write("issuing.pem", first.admin().get("/api/v1/cas/issuing").json().get("certificatePem").asString());
            String serial = issue(first, "CN=Cluster OCSP");
            openssl.write("leaf.pem", first.admin().get("/api/v1/certificates/" + serial).json().get("certificatePem").asString());
            String[] ask = {"ocsp", "-issuer", "issuing.pem", "-cert", "leaf.pem", "-no_nonce", "-url",
                    second.publicBaseUrl() + "/pki/ocsp", "-CAfile", first.trustChain().toString()};
            assertThat(openssl.run(ask)).contains("leaf.pem: good");

            first.admin().post("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "affiliationChanged"));

            String answer = "";
            for (int attempt = 0; attempt < 50 && !answer.contains("revoked"); attempt++) {
                Thread.sleep(200);
                answer = openssl.run(ask);
            }
            assertThat(answer).contains("leaf.pem: revoked", "Reason: affiliationChanged");
        }
    }

    private static String issue(RunningCaService ca, String subject) {
        FujieTestClient.Response issued = ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client", "subject", subject,
                "keyGeneration", Map.of("algorithm", "EC-P256", "password", "cluster tests")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().get("serialNumber").asString();
    }
}
