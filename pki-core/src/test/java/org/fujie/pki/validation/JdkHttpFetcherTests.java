package org.fujie.pki.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.fujie.pki.validation.HttpFetcher.FetchException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JdkHttpFetcherTests {

    private final HttpServer server = start();
    private final AtomicInteger targetHits = new AtomicInteger();
    private final JdkHttpFetcher fetcher = new JdkHttpFetcher(Duration.ofSeconds(1), Duration.ofSeconds(1));

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpServer start() {
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            started.createContext("/small", exchange -> answer(exchange, 200, new byte[100]));
            started.createContext("/big", exchange -> answer(exchange, 200, new byte[100_000]));
            started.createContext("/redirect", exchange -> {
                exchange.getResponseHeaders().set("Location", "/target");
                answer(exchange, 302, new byte[0]);
            });
            started.createContext("/target", exchange -> {
                targetHits.incrementAndGet();
                answer(exchange, 200, new byte[1]);
            });
            started.createContext("/slow", exchange -> {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answer(exchange, 200, new byte[1]);
            });
            started.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            started.start();
            return started;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getRequestBody().readAllBytes();
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        exchange.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void getWhenWithinLimitThenBody() throws Exception {
        assertThat(fetcher.get(uri("/small"), 100)).hasSize(100);
        assertThat(fetcher.post(uri("/small"), "application/ocsp-request", new byte[10], 1000)).hasSize(100);
    }

    @Test
    void getWhenLargerThanLimitThenRefused() {
        assertThatThrownBy(() -> fetcher.get(uri("/big"), 1000)).isInstanceOf(FetchException.class)
                .hasMessageContaining("larger than 1000");
    }

    @Test
    void getWhenRedirectedThenNotFollowed() {
        assertThatThrownBy(() -> fetcher.get(uri("/redirect"), 1000)).isInstanceOf(FetchException.class)
                .hasMessageContaining("HTTP 302");
        assertThat(targetHits).hasValue(0);
    }

    @Test
    void getWhenSlowerThanTheDeadlineThenRefused() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> fetcher.get(uri("/slow"), 1000)).isInstanceOf(FetchException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void getWhenNotHttpThenRefused() {
        assertThatThrownBy(() -> fetcher.get(URI.create("https://127.0.0.1/x"), 10)).isInstanceOf(FetchException.class)
                .hasMessageContaining("not an http URL");
        assertThatThrownBy(() -> fetcher.get(URI.create("file:///etc/passwd"), 10)).isInstanceOf(FetchException.class);
    }
}
