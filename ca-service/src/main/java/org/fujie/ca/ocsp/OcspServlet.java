package org.fujie.ca.ocsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * OCSP over HTTP (RFC 6960 appendix A, RFC 5019 5 and 6): POST of a DER request, or GET with the
 * request base64-encoded (and URL-encoded) in the path. A plain servlet, not a controller: this is
 * the hottest path of the service and needs nothing of Spring MVC. GET answers for pre-signed
 * responses carry the HTTP caching headers of RFC 5019 6.
 */
final class OcspServlet extends HttpServlet {

    static final String PATH = "/pki/ocsp";
    private static final String RESPONSE_TYPE = "application/ocsp-response";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final transient OcspService service;
    private final int maxRequestBytes;
    private final transient Clock clock;

    OcspServlet(OcspService service, int maxRequestBytes, Clock clock) {
        this.service = service;
        this.maxRequestBytes = maxRequestBytes;
        this.clock = clock;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = readLimited(request);
        if (body == null) {
            // Too large to be an OCSP request; the rest is not read, so the connection is not kept.
            response.setHeader("Connection", "close");
        }
        write(response, service.respond(body == null ? new byte[0] : body), false);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] der = decodePath(request.getRequestURI());
        OcspReply reply = service.respond(der == null ? new byte[0] : der);
        if (reply.cacheable() && reply.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        write(response, reply, true);
    }

    private void write(HttpServletResponse response, OcspReply reply, boolean get) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(RESPONSE_TYPE);
        response.setContentLength(reply.body().length);
        if (get && reply.cacheable()) {
            long maxAge = Math.max(0, Duration.between(clock.instant(), reply.nextUpdate()).getSeconds());
            response.setHeader("Cache-Control", "max-age=" + maxAge + ", public, no-transform, must-revalidate");
            response.setHeader("Last-Modified", HTTP_DATE.format(reply.thisUpdate()));
            response.setHeader("Expires", HTTP_DATE.format(reply.nextUpdate()));
            response.setHeader("ETag", reply.etag());
        } else {
            response.setHeader("Cache-Control", "no-cache, no-store");
        }
        response.getOutputStream().write(reply.body());
    }

    /** The body, or null when it is larger than any OCSP request this responder answers. */
    private byte[] readLimited(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxRequestBytes) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
        byte[] buffer = new byte[4096];
        try (InputStream in = request.getInputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (out.size() + read > maxRequestBytes) {
                    return null;
                }
                out.write(buffer, 0, read);
            }
        }
        return out.toByteArray();
    }

    /** RFC 6960 A.1: GET {url}/{url-encoding of base-64 encoding of the DER request}; url-safe base64 is accepted too. */
    private byte[] decodePath(String uri) {
        int start = uri.indexOf(PATH + "/");
        if (start < 0) {
            return null;
        }
        String encoded = uri.substring(start + PATH.length() + 1);
        if (encoded.length() > maxRequestBytes * 2) {
            return null;
        }
        try {
            String base64 = percentDecode(encoded);
            return base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(base64)
                    : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Percent-decoding of a path segment; unlike form decoding, '+' stays '+' (it is a base64 character). */
    private static String percentDecode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    throw new IllegalArgumentException("truncated escape");
                }
                out.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
