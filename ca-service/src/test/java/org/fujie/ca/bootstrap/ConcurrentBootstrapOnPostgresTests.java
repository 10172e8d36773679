package org.fujie.ca.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.tomcat.util.net.openssl.ciphers.OpenSSLCipherConfigurationParser;
import org.fujie.ca.CaServiceApplication;
import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.TestDatabases;
import org.fujie.pki.x509.Pem;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two ca-service instances started at the same moment on one fresh PostgreSQL database and one empty data folder, as
 * a cluster's first start may: one CA hierarchy, which both serve, and bootstrap files that name the CAs the database
 * holds. An instance with a data folder of its own on that database refuses to start instead of making a second one.
 */
class ConcurrentBootstrapOnPostgresTests {

    @Test
    void startWhenTwoInstancesAtOnceOnEmptyDatabaseAndDataFolderThenOneHierarchyBothServe() throws Exception {
        Map<String, Object> database = TestDatabases.freshPostgres();
        Path dataDir = Files.createDirectories(Path.of("target", "test-data", UUID.randomUUID().toString())).toAbsolutePath();
        List<String> arguments = new ArrayList<>(List.of("--fujie.data-dir=" + dataDir, "--server.port=0", "--fujie.public-http.port=0"));
        database.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        // Tomcat fills its cipher table on first use, not thread-safely: filled here, so the race is the bootstrap's alone
        // (two processes would not share it).
        OpenSSLCipherConfigurationParser.isTls13Cipher("TLS_AES_128_GCM_SHA256");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<ConfigurableApplicationContext> instances = new ArrayList<>();
        List<Future<ConfigurableApplicationContext>> starts = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < 2; i++) {
                starts.add(pool.submit(() -> {
                    go.await();
                    return CaServiceApplication.application().run(arguments.toArray(String[]::new));
                }));
            }
            go.countDown();
            for (Future<ConfigurableApplicationContext> start : starts) {
                instances.add(start.get(3, TimeUnit.MINUTES));
            }

            JdbcClient jdbc = JdbcClient.create(instances.get(0).getBean(DataSource.class));
            List<String> cas = jdbc.sql("select id || ':' || coalesce(parent_id, '-') from ca order by id").query(String.class).list();
            assertThat(cas).containsExactly("issuing:root", "root:-");

            List<String> answers = new ArrayList<>();
            for (ConfigurableApplicationContext instance : instances) {
                FujieTestClient.Response listed = admin(instance, dataDir).get("/api/v1/cas");
                assertThat(listed.status()).as(listed.body()).isEqualTo(200);
                answers.add(listed.body());
            }
            assertThat(answers.get(1)).isEqualTo(answers.get(0));

            // trust-chain.pem, what every client and service trusts, is root then issuing as the database holds them.
            List<byte[]> stored = List.of(der(jdbc, "root"), der(jdbc, "issuing"));
            List<X509Certificate> chain = Pem.parseCertificates(Files.readString(dataDir.resolve("bootstrap/trust-chain.pem")));
            assertThat(chain).hasSize(2);
            for (int i = 0; i < 2; i++) {
                assertThat(chain.get(i).getEncoded()).isEqualTo(stored.get(i));
            }
        } finally {
            // Whichever started, even when the other failed.
            for (Future<ConfigurableApplicationContext> start : starts) {
                try {
                    start.get(3, TimeUnit.MINUTES).close();
                } catch (Exception notStarted) {
                    // its failure is what the test reports
                }
            }
            pool.shutdownNow();
            TestDatabases.drop(database);
        }
    }

    @Test
    void startWhenDatabaseHoldsAnotherDataFoldersHierarchyThenRefusesToStart() throws Exception {
        Map<String, Object> database = TestDatabases.freshPostgres();
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--fujie.public-http.port=0"));
        database.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        try (ConfigurableApplicationContext first = CaServiceApplication.application().run(with(arguments, freshDataDir()))) {
            // Its own data folder makes its own root and issuing CA: serving them beside the database's would split the PKI.
            assertThatThrownBy(() -> CaServiceApplication.application().run(with(arguments, freshDataDir())).close())
                    .hasStackTraceContaining("must share the data folder");
            assertThat(JdbcClient.create(first.getBean(DataSource.class)).sql("select count(*) from ca").query(Integer.class).single())
                    .isEqualTo(2);
        } finally {
            TestDatabases.drop(database);
        }
    }

    private static Path freshDataDir() throws java.io.IOException {
        return Files.createDirectories(Path.of("target", "test-data", UUID.randomUUID().toString())).toAbsolutePath();
    }

    private static String[] with(List<String> arguments, Path dataDir) {
        List<String> all = new ArrayList<>(arguments);
        all.add("--fujie.data-dir=" + dataDir);
        return all.toArray(String[]::new);
    }

    private static byte[] der(JdbcClient jdbc, String id) {
        return jdbc.sql("select certificate_der from ca where id = ?").param(id).query(byte[].class).single();
    }

    private static FujieTestClient admin(ConfigurableApplicationContext instance, Path dataDir) {
        return FujieTestClient.forPkcs12("https://localhost:" + instance.getEnvironment().getProperty("local.server.port"),
                dataDir.resolve("bootstrap/admin.p12"), dataDir.resolve("bootstrap/admin.pass"), dataDir.resolve("bootstrap/trust-chain.pem"));
    }
}
