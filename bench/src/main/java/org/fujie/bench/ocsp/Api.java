package org.fujie.bench.ocsp;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.fujie.bench.BenchCa;
import org.fujie.bench.CsrPool;
import org.fujie.bench.TlsMaterial;
import org.fujie.bench.Transport;
import org.fujie.pki.crypto.KeyAlgorithm;

/**
 * ca-service's admin API as the benchmark uses it (issue, revoke, CRL), over the issuance benchmark's
 * raw mutual-TLS transport with the bootstrap ADMIN certificate. Bulk work runs on N keep-alive
 * connections in parallel; any answer other than the expected status stops the run.
 */
public final class Api implements AutoCloseable {

    /** One call of a bulk run, on the worker's own connection. */
    public interface Call<T> {
        T apply(Transport.Connection connection, int index) throws Exception;
    }

    /** What a bulk run returns: the results by index and the wall time. */
    public record Bulk<T>(List<T> results, double seconds) {
        double perSecond() {
            return results.size() / seconds;
        }
    }

    private final Transport transport;
    private final TlsMaterial tls;

    public Api(TlsMaterial tls, URI url) {
        this.transport = Transport.create("raw", tls.sslContext(), url, 1);
        this.tls = tls;
    }

    /** The CA of the algorithm: the default EC-P256 issuing CA, or an SM2 hierarchy made now ({@link BenchCa}). */
    BenchCa ca(KeyAlgorithm algorithm) throws Exception {
        return BenchCa.of(algorithm, tls, transport);
    }

    public Transport.Connection open() throws IOException {
        return transport.open();
    }

    /** Runs {@code count} calls on {@code clients} connections, printing the rate every 5 s. */
    public <T> Bulk<T> parallel(String what, int count, int clients, Call<T> call) throws InterruptedException {
        Object[] results = new Object[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < Math.min(clients, Math.max(count, 1)); c++) {
            Thread thread = new Thread(() -> {
                try (Transport.Connection connection = transport.open()) {
                    for (int i = next.getAndIncrement(); i < count && failure.get() == null; i = next.getAndIncrement()) {
                        results[i] = call.apply(connection, i);
                        done.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, what + "-" + c);
            thread.start();
            threads.add(thread);
        }
        long lastCount = 0;
        long lastTime = start;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                thread.join(5_000);
                long now = System.nanoTime();
                if (now - lastTime >= 5_000_000_000L) {
                    int d = done.get();
                    OcspBench.log("  %s: %d/%d, %.0f/s", what, d, count, (d - lastCount) * 1e9 / (now - lastTime));
                    lastCount = d;
                    lastTime = now;
                }
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException(what + " failed after " + done.get() + " of " + count, failure.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        @SuppressWarnings("unchecked")
        List<T> list = (List<T>) Arrays.asList(results);
        OcspBench.log("%s: %d in %.1f s, %.0f/s on %d connections", what, count, seconds, count / seconds, clients);
        return new Bulk<>(list, seconds);
    }

    /** Issues a certificate from one CSR of the pool; returns its serial (lower-case hex). */
    static String issue(Transport.Connection connection, CsrPool.Entry csr) throws IOException {
        return expect(connection.post(csr.body()), 201, "issue").get("serialNumber");
    }

    /** Revokes a certificate (RFC 5280 reason name); returns the answer's members. */
    public static Map<String, String> revoke(Transport.Connection connection, String serial, String reason) throws IOException {
        byte[] body = ("{\"reason\":\"" + reason + "\"}").getBytes(StandardCharsets.UTF_8);
        return expect(connection.post("/api/v1/certificates/" + serial + "/revoke", body), 200, "revoke " + serial);
    }

    /** Issues a certificate with a key made by the service; the answer carries {@code pkcs12} (base64). */
    Map<String, String> issueWithKey(String profile, String subject, String algorithm, String password) throws IOException {
        try (Transport.Connection connection = transport.open()) {
            return issueWithKey(connection, profile, subject, algorithm, password);
        }
    }

    /** The same on a connection of a bulk run. */
    public static Map<String, String> issueWithKey(Transport.Connection connection, String profile, String subject, String algorithm,
            String password) throws IOException {
        String json = "{\"profile\":\"" + profile + "\",\"subject\":\"" + subject + "\",\"keyGeneration\":{\"algorithm\":\""
                + algorithm + "\",\"password\":\"" + password + "\"}}";
        return expect(connection.post(json.getBytes(StandardCharsets.UTF_8)), 201, "issue " + profile);
    }

    /** Makes the CA publish a full CRL now; the answer has crlNumber, entries and generationMillis. */
    static Map<String, String> generateCrl(Transport.Connection connection, String caId) throws IOException {
        return expect(connection.post("/api/v1/cas/" + caId + "/crl", "{}".getBytes(StandardCharsets.UTF_8)), 200,
                "CRL of " + caId);
    }

    private static Map<String, String> expect(Transport.Response response, int status, String what) throws IOException {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        if (response.status() != status) {
            throw new IOException(what + ": HTTP " + response.status() + " (expected " + status + "): " + FlatJson.abbreviate(body));
        }
        return FlatJson.parse(body);
    }

    @Override
    public void close() {
        transport.close();
    }
}
