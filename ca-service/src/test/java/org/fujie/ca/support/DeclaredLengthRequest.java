package org.fujie.ca.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * A request over TLS that declares a body length but sends no body, and reads the whole answer. A client that really
 * uploads a body above the limit races the server: the server answers 413 at once and closes, and the client, still
 * sending, may get a reset before it reads the answer. Declaring without sending tests the same limit (it is checked
 * on Content-Length before any byte is read) with nothing left to race.
 */
public final class DeclaredLengthRequest {

    private DeclaredLengthRequest() {
    }

    /** POST with the declared Content-Length, as the bootstrap ADMIN of the data folder. */
    public static HttpResponse<String> post(String baseUrl, String path, String contentType, long declaredLength, Path dataDir)
            throws Exception {
        URI uri = URI.create(baseUrl + path);
        try (SSLSocket socket = (SSLSocket) admin(dataDir).getSocketFactory().createSocket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + declaredLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(socket.getInputStream(), uri, socket.getSession());
        }
    }

    private static SSLContext admin(Path dataDir) throws Exception {
        char[] password = Files.readString(dataDir.resolve("bootstrap/admin.pass")).strip().toCharArray();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dataDir.resolve("bootstrap/admin.p12"))) {
            keys.load(in, password);
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), FujieTestClient.trustManagers(dataDir.resolve("bootstrap/trust-chain.pem")), null);
        return tls;
    }

    /** Status line, headers, and the body by Content-Length, by chunks, or up to the end of the connection. */
    private static HttpResponse<String> read(InputStream in, URI uri, SSLSession session) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.computeIfAbsent(header.substring(0, colon).strip(), name -> new ArrayList<>()).add(header.substring(colon + 1).strip());
        }
        byte[] body;
        if (headers.containsKey("Content-Length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("Content-Length").get(0)));
        } else if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                    size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                chunks.writeBytes(in.readNBytes(size));
                line(in);
            }
            body = chunks.toByteArray();
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, HttpHeaders.of(new LinkedHashMap<>(headers), (name, value) -> true),
                new String(body, StandardCharsets.UTF_8), uri, session);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection ended inside the answer's head: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** The answer in java.net.http's shape, so the usual header assertions apply. */
    private record Answer(int statusCode, HttpHeaders headers, String body, URI uri, SSLSession session)
            implements HttpResponse<String> {

        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.of(session);
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
