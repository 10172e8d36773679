package org.fujie.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The cheapest client: one blocking TLS socket per worker, a pre-formatted HTTP/1.1 request, and a
 * minimal response reader (Content-Length or chunked). The load generator shares the CPU with the
 * service, so every microsecond it saves is one the service can use. Host names are verified as
 * for HTTPS; a closed or broken connection is reopened on the next request.
 */
final class RawTransport implements Transport {

    private static final byte[] POST = "POST ".getBytes(StandardCharsets.US_ASCII);

    private final SSLContext sslContext;
    private final String host;
    private final int port;
    private final byte[] headers;
    private final AtomicLong handshakes = new AtomicLong();
    private final AtomicLong serverCloses = new AtomicLong();

    RawTransport(SSLContext sslContext, URI base) {
        this.sslContext = sslContext;
        this.host = base.getHost();
        this.port = base.getPort() < 0 ? 443 : base.getPort();
        this.headers = (" HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: ")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public Connection open() {
        return new RawConnection();
    }

    @Override
    public long connectionsOpened() {
        return handshakes.get();
    }

    @Override
    public long connectionsClosedByServer() {
        return serverCloses.get();
    }

    @Override
    public void close() {
    }

    private final class RawConnection implements Connection {

        private SSLSocket socket;
        private InputStream in;
        private OutputStream out;

        @Override
        public Response post(String path, byte[] json) throws IOException {
            try {
                if (socket == null) {
                    connect();
                }
                out.write(POST);
                out.write(path.getBytes(StandardCharsets.US_ASCII));
                out.write(headers);
                out.write((json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(json);
                out.flush();
                return read();
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        private void connect() throws IOException {
            SSLSocket s = (SSLSocket) sslContext.getSocketFactory().createSocket();
            s.setTcpNoDelay(true);
            SSLParameters parameters = s.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            s.setSSLParameters(parameters);
            s.connect(new InetSocketAddress(host, port), 10_000);
            s.setSoTimeout(60_000);
            s.startHandshake();
            handshakes.incrementAndGet();
            socket = s;
            in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
            out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
        }

        private Response read() throws IOException {
            String status = line();
            if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
                throw new IOException("not an HTTP/1.1 status line: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> closing = value.contains("close");
                    default -> { }
                }
            }
            byte[] body;
            if (chunked) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
                for (int size = chunkSize(); size > 0; size = chunkSize()) {
                    byte[] chunk = in.readNBytes(size);
                    if (chunk.length < size) {
                        throw new EOFException("connection closed inside a chunk");
                    }
                    buffer.write(chunk);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
                body = buffer.toByteArray();
            } else if (length >= 0) {
                body = in.readNBytes((int) length);
                if (body.length < length) {
                    throw new EOFException("connection closed inside the body");
                }
            } else {
                body = in.readAllBytes();
                closing = true;
            }
            if (closing) {
                serverCloses.incrementAndGet();
                close();
            }
            return new Response(code, body);
        }

        private int chunkSize() throws IOException {
            String size = line();
            int semicolon = size.indexOf(';');
            return Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        }

        /** One CRLF-terminated ASCII line without its terminator. */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed by the server");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // already broken
                }
                socket = null;
            }
        }
    }
}
