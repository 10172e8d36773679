package org.fujie.bench;

import java.io.IOException;
import java.net.URI;

import javax.net.ssl.SSLContext;

/**
 * An HTTP/1.1 client for the load generator. Each worker opens its own {@link Connection} and sends
 * requests on it one after another (keep-alive), so N workers hold N connections.
 */
public interface Transport extends AutoCloseable {

    String PATH = "/api/v1/certificates";

    /** The status and the body of one answer. */
    record Response(int status, byte[] body) {
    }

    interface Connection extends AutoCloseable {

        /** POSTs a JSON body to {@link #PATH}; an exception means no HTTP answer was read. */
        default Response post(byte[] json) throws IOException {
            return post(PATH, json);
        }

        /** POSTs a JSON body to another path of the same service (an absolute path, e.g. a revocation). */
        Response post(String path, byte[] json) throws IOException;

        @Override
        void close();
    }

    Connection open() throws IOException;

    /** TLS connections opened so far (handshakes), or -1 when the client does not tell. */
    default long connectionsOpened() {
        return -1;
    }

    /** Answers that carried "Connection: close", or -1 when the client does not tell. */
    default long connectionsClosedByServer() {
        return -1;
    }

    @Override
    void close();

    static Transport create(String name, SSLContext sslContext, URI base, int connections) {
        return switch (name) {
            case "raw" -> new RawTransport(sslContext, base);
            case "jdk" -> new JdkTransport(sslContext, base);
            case "apache" -> new ApacheTransport(sslContext, base, connections);
            default -> throw new IllegalArgumentException("unknown transport " + name);
        };
    }
}
