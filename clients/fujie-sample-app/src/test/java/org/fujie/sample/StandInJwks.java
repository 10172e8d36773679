package org.fujie.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * A STAND-IN for trust-service's {@code GET /.well-known/jwks.json}, until trust-service's token issuer lands: an
 * HTTPS server (certificate from the real ca-service, so the starter's Fujie-only trust accepts it) serving
 * whatever public keys the test sets, and counting the fetches.
 */
final class StandInJwks implements AutoCloseable {

    private final HttpsServer server;
    private final AtomicReference<JWKSet> keys = new AtomicReference<>(new JWKSet());
    private final AtomicInteger fetches = new AtomicInteger();

    StandInJwks(FujieStack.Issued tlsServer) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tlsServer.p12())) {
            store.load(in, FujieStack.PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, FujieStack.PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            // JWKSet.toString() writes the public parts only, as a real JWKS must.
            byte[] body = keys.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String baseUrl() {
        return "https://localhost:" + server.getAddress().getPort();
    }

    /** From now on the key set holds these (their public parts). */
    void publish(List<JWK> published) {
        keys.set(new JWKSet(published));
    }

    int fetches() {
        return fetches.get();
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
    }
}
