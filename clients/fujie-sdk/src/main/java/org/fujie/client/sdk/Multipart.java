package org.fujie.client.sdk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body (RFC 7578) for the stamp and verify endpoints, built in memory: documents are bounded by the services' size limit. */
public final class Multipart {

    private final String boundary = "fujie-" + UUID.randomUUID();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    /** A file part. */
    public Multipart file(String name, String filename, String contentType, byte[] content) {
        return part(name, "; filename=\"" + quoted(filename) + "\"", contentType, content);
    }

    /** A text part, e.g. stamp options as JSON. */
    public Multipart text(String name, String contentType, String content) {
        return part(name, "", contentType, content.getBytes(StandardCharsets.UTF_8));
    }

    private Multipart part(String name, String filename, String contentType, byte[] content) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(name) + "\"" + filename
                + "\r\nContent-Type: " + contentType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(body.toByteArray());
        all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return all.toByteArray();
    }

    private static String quoted(String value) {
        // Quotes and line breaks would end the header early.
        return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }
}
