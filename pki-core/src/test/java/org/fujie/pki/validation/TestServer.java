package org.fujie.pki.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 (the JDK's), serving what a PKI publishes: each path answers with
 * the bytes a function makes from the request body. It counts requests per path, and a path can be
 * taken down (503).
 */
final class TestServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, Boolean> down = new ConcurrentHashMap<>();
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

    private record Handler(String contentType, Function<byte[], byte[]> answer) {
    }

    TestServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.start();
    }

    /** Serves the path with the function's answer to the request body (empty for GET); a later call replaces it. */
    void handle(String path, String contentType, Function<byte[], byte[]> answer) {
        boolean known = handlers.containsKey(path);
        handlers.put(path, new Handler(contentType, answer));
        if (known) {
            return;
        }
        counts.put(path, new AtomicInteger());
        server.createContext(path, exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                counts.get(path).incrementAndGet();
                byte[] request = in.readAllBytes();
                if (down.getOrDefault(path, false)) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                Handler handler = handlers.get(path);
                byte[] body = handler.answer().apply(request);
                exchange.getResponseHeaders().set("Content-Type", handler.contentType());
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } finally {
                exchange.close();
            }
        });
    }

    void setDown(String path, boolean isDown) {
        down.put(path, isDown);
    }

    int count(String path) {
        return counts.get(path).get();
    }

    String url(String path) {
        return url("127.0.0.1", path);
    }

    String url(String host, String path) {
        return "http://" + host + ":" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
