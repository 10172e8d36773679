package org.fujie.ca.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.fujie.ca.support.FujieTestClient;
import org.fujie.pki.OpenSsl;
import org.fujie.ca.support.RunningCaService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** On real PostgreSQL: concurrent issuance loses nothing and duplicates nothing, across a restart. */
class ConcurrentIssuanceOnPostgresTests {

    private static final int REQUESTS = 200;

    @Test
    void issueWhen200ConcurrentRequestsThen200DistinctSerialsStoredAndKeptAcrossRestart(@TempDir Path dir) throws Exception {
        new OpenSsl(dir).run("req", "-new", "-nodes", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-keyout", "k.pem",
                "-subj", "/CN=load.example/O=Ministry", "-addext", "subjectAltName=DNS:load.example", "-out", "r.csr");
        String csr = new OpenSsl(dir).read("r.csr");
        try (RunningCaService ca = RunningCaService.onPostgres()) {
            assertThat(ca.bean(JdbcClient.class).sql("select version()").query(String.class).single()).contains("PostgreSQL");

            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
            List<Future<FujieTestClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                Callable<FujieTestClient.Response> call = () -> {
                    go.await();
                    return ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-server", "csr", csr));
                };
                futures.add(pool.submit(call));
            }
            go.countDown();
            Set<String> serials = new HashSet<>();
            for (Future<FujieTestClient.Response> future : futures) {
                FujieTestClient.Response response = future.get();
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                serials.add(response.json().get("serialNumber").asString());
            }
            pool.shutdown();
            assertThat(serials).hasSize(REQUESTS);
            assertThat(listedSerials(ca)).containsAll(serials);

            ca.restart();

            assertThat(listedSerials(ca)).containsAll(serials);
            assertThat(ca.admin().get("/api/v1/certificates?subject=load.example&size=1").json().get("total").asLong()).isEqualTo(REQUESTS);
            JsonNode audit = ca.admin().get("/api/v1/audit/verify").json();
            assertThat(audit.get("valid").asBoolean()).isTrue();
            assertThat(ca.admin().get("/api/v1/audit?action=certificate.issue&size=1").json().get("total").asLong())
                    .isGreaterThanOrEqualTo(REQUESTS);
        }
    }

    private static Set<String> listedSerials(RunningCaService ca) {
        Set<String> serials = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode items = ca.admin().get("/api/v1/certificates?subject=load.example&size=100&page=" + page).json().get("items");
            if (items.isEmpty()) {
                return serials;
            }
            items.valueStream().forEach(item -> serials.add(item.get("serialNumber").asString()));
        }
    }
}
