package org.fujie.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.fujie.client.sdk.ca.CaClient;
import org.fujie.client.sdk.seal.SealClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries against a stand-in that answers 503 a given number of times: a real service will not fail on cue. */
class RetrySdkTests {

    private static final String CA_LIST = "[{\"id\":\"root\",\"subject\":\"CN=Root\"}]";
    private static final String UNAVAILABLE = "{\"type\":\"urn:fujie:problem:key-unavailable\",\"title\":\"A signing key is unavailable\","
            + "\"status\":503,\"detail\":\"the HSM does not answer\"}";

    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile int failuresLeft;
    private volatile String retryAfter = "0";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        exchange.getRequestBody().readAllBytes();
        if (failuresLeft > 0) {
            failuresLeft--;
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
            respond(exchange, 503, "application/problem+json", UNAVAILABLE);
        } else {
            respond(exchange, exchange.getRequestMethod().equals("POST") ? 201 : 200, "application/json",
                    exchange.getRequestMethod().equals("POST") ? "{\"serialNumber\":\"01\"}" : CA_LIST);
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private CaClient client(RetryPolicy policy) {
        return new CaClient(FujieConnection.builder("http://127.0.0.1:" + server.getAddress().getPort()).retries(policy).build());
    }

    private static RetryPolicy quick() {
        return new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(1));
    }

    @Test
    void getIsRetriedAfter503UntilItSucceeds() {
        failuresLeft = 2;
        assertThat(client(quick()).authorities()).extracting(a -> a.id()).containsExactly("root");
        assertThat(calls).hasValue(3);
    }

    @Test
    void getGivesUpAfterTheLastAttemptWithTheProblem() {
        failuresLeft = 10;
        assertThatThrownBy(() -> client(quick()).authorities()).isInstanceOfSatisfying(UnavailableException.class, e -> {
            assertThat(e.slug()).isEqualTo("key-unavailable");
            assertThat(e.retryAfter()).contains(Duration.ZERO);
        });
        assertThat(calls).hasValue(3);
    }

    @Test
    void retryAfterLongerThanThePolicyAllowsEndsTheRetries() {
        failuresLeft = 10;
        retryAfter = "120";
        assertThatThrownBy(() -> client(quick()).authorities()).isInstanceOfSatisfying(UnavailableException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));
        assertThat(calls).hasValue(1);
    }

    @Test
    void issuanceIsNeverRetried() {
        failuresLeft = 1;
        assertThatThrownBy(() -> client(quick()).issue("tls-client", "-----BEGIN CERTIFICATE REQUEST-----"))
                .isInstanceOf(UnavailableException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void sealSuspendAndResumeAreNeverRetried() {
        // A repeat after a lost answer would be a seal-state conflict hiding that the first one worked.
        SealClient seals = new SealClient(FujieConnection.builder("http://127.0.0.1:" + server.getAddress().getPort())
                .retries(quick()).build());
        failuresLeft = 1;
        assertThatThrownBy(() -> seals.suspend("s1")).isInstanceOf(UnavailableException.class);
        failuresLeft = 1;
        assertThatThrownBy(() -> seals.resume("s1")).isInstanceOf(UnavailableException.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void connectionRefusedIsATransportFailureAfterTheRetries() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CaClient nowhere = new CaClient(FujieConnection.builder("http://127.0.0.1:" + closedPort).retries(quick()).build());
        assertThatThrownBy(nowhere::authorities).isInstanceOf(FujieTransportException.class)
                .hasMessageContaining("no answer from the service");
    }

    @Test
    void errorWithoutProblemJsonStillMapsByStatus() {
        server.createContext("/api/v1/cas/missing", exchange -> respond(exchange, 404, "text/html", "<h1>gone</h1>"));
        assertThatThrownBy(() -> client(quick()).authority("missing")).isInstanceOfSatisfying(NotFoundException.class,
                e -> assertThat(e.slug()).isNull());
    }
}
