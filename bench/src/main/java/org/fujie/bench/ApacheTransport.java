package org.fujie.bench;

import java.io.IOException;
import java.net.URI;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;

/** Apache HttpClient 5, classic (blocking) API, with a pool of one connection per worker. */
final class ApacheTransport implements Transport {

    private final CloseableHttpClient client;
    private final URI base;

    ApacheTransport(SSLContext sslContext, URI base, int connections) {
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(sslContext).buildClassic())
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .build())
                // A TLS connection with a client certificate carries that principal as its state, and the pool would
                // reuse it only for requests of the same state: without this every request opens a new connection.
                .disableConnectionState()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling()
                .disableContentCompression()
                .build();
        this.base = base;
    }

    @Override
    public Connection open() {
        return new Connection() {
            @Override
            public Response post(String path, byte[] json) throws IOException {
                HttpPost post = new HttpPost(base.resolve(path));
                post.setHeader("Accept", "application/json");
                post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
                return client.execute(post, response -> new Response(response.getCode(),
                        response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
    }
}
