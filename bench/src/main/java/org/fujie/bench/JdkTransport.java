package org.fujie.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import javax.net.ssl.SSLContext;

/** java.net.http.HttpClient over HTTP/1.1; its pool keeps one keep-alive connection per concurrent caller. */
final class JdkTransport implements Transport {

    private final HttpClient client;
    private final URI base;

    JdkTransport(SSLContext sslContext, URI base) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(sslContext)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.base = base;
    }

    @Override
    public Connection open() {
        return new Connection() {
            @Override
            public Response post(String path, byte[] json) throws IOException {
                HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                        .build();
                try {
                    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    return new Response(response.statusCode(), response.body());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void close() {
        // JDK 17's HttpClient has no close(); its threads are daemons and its connections die with it.
    }
}
