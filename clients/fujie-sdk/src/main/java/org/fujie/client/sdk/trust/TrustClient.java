package org.fujie.client.sdk.trust;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.fujie.client.sdk.FujieConnection;
import org.fujie.client.sdk.Idempotency;
import org.fujie.client.sdk.Multipart;
import org.fujie.client.sdk.PathSegment;

/**
 * trust-service's API (CONTRACT.md): document verification, certificate validation, certificate log-in and the RFC 3161
 * time-stamp authority. Verification, validation and time-stamps change nothing and are retried; a log-in answer is
 * not, since its challenge can be answered once only.
 */
public final class TrustClient {

    private static final String ANCHORS = "/api/v1/trust-anchors";

    private final FujieConnection connection;
    private final URI tsa;

    /** Without a TSA: {@link #timeStamp} needs {@link #withTsa}. */
    public TrustClient(FujieConnection connection) {
        this(connection, null);
    }

    private TrustClient(FujieConnection connection, URI tsa) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.tsa = tsa;
    }

    /** The TSA's URL, on trust-service's plain-HTTP port (e.g. {@code http://trust.intranet:8082/tsa}). */
    public TrustClient withTsa(String url) {
        return new TrustClient(connection, URI.create(url));
    }

    /** A signed document (PDF, XML, CMS/CAdES with the data enveloped, an SES_Signature...). */
    public VerificationReport verify(byte[] document, String filename) {
        return verify(new Multipart().file("document", filename, "application/octet-stream", document));
    }

    /** A detached signature (e.g. a .p7s or a detached XAdES) with the document it signs. */
    public VerificationReport verify(byte[] signature, String filename, byte[] detached, String detachedFilename) {
        return verify(new Multipart().file("document", filename, "application/octet-stream", signature)
                .file("detached", detachedFilename, "application/octet-stream", detached));
    }

    private VerificationReport verify(Multipart body) {
        return connection.read(verifyJson(body), VerificationReport.class);
    }

    /**
     * The report as trust-service sent it (JSON bytes), with every field, also those {@link VerificationReport} does
     * not model; detached and detachedFilename may be null.
     */
    public byte[] verifyJson(byte[] document, String filename, byte[] detached, String detachedFilename) {
        Multipart body = new Multipart().file("document", filename, "application/octet-stream", document);
        if (detached != null) {
            body.file("detached", detachedFilename, "application/octet-stream", detached);
        }
        return verifyJson(body);
    }

    private byte[] verifyJson(Multipart body) {
        return connection.post("/api/v1/verify", body, "application/json", Idempotency.IDEMPOTENT);
    }

    public Validation validate(ValidationRequest request) {
        return connection.post("/api/v1/certificates/validate", request, Validation.class, Idempotency.IDEMPOTENT);
    }

    /** Retried: an unanswered challenge only expires. */
    public Challenge challenge() {
        return connection.post("/api/v1/auth/challenge", null, Challenge.class, Idempotency.IDEMPOTENT);
    }

    /**
     * Logs in with a certificate whose key the caller holds (a smart card, a PKCS#11 token, a software key): signer
     * gets the nonce's UTF-8 bytes and returns the signature (SHA-256 with RSA/ECDSA, SM3 with SM2, plain Ed25519).
     * A revoked or untrusted certificate gives {@link org.fujie.client.sdk.UnauthorizedException}.
     */
    public Token login(String certificatePem, Function<byte[], byte[]> signer) {
        Challenge challenge = challenge();
        byte[] signature = signer.apply(challenge.nonce().getBytes(StandardCharsets.UTF_8));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("challengeId", challenge.challengeId());
        answer.put("certificatePem", certificatePem);
        answer.put("signature", Base64.getEncoder().encodeToString(signature));
        return connection.post("/api/v1/auth/token", answer, Token.class, Idempotency.NOT_IDEMPOTENT);
    }

    /** An RFC 3161 TimeStampReq (DER) in, the TimeStampResp (DER) out; the caller checks it against its request. */
    public byte[] timeStamp(byte[] requestDer) {
        if (tsa == null) {
            throw new IllegalStateException("no TSA URL: use withTsa(\"http://...:8082/tsa\")");
        }
        return connection.send("POST", tsa, "application/timestamp-query", requestDer, "application/timestamp-reply",
                Idempotency.IDEMPOTENT);
    }

    public List<TrustAnchor> trustAnchors() {
        return List.of(connection.get(ANCHORS, TrustAnchor[].class));
    }

    /** ADMIN; purposes null or empty: every purpose. */
    public TrustAnchor addTrustAnchor(String certificatePem, List<String> purposes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificatePem", Objects.requireNonNull(certificatePem, "certificatePem"));
        if (purposes != null && !purposes.isEmpty()) {
            body.put("purposes", List.copyOf(purposes));
        }
        return connection.post(ANCHORS, body, TrustAnchor.class, Idempotency.NOT_IDEMPOTENT);
    }

    public void removeTrustAnchor(String id) {
        connection.delete(ANCHORS + "/" + PathSegment.encode(id));
    }
}
