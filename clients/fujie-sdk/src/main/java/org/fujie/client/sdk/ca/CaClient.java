package org.fujie.client.sdk.ca;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fujie.client.sdk.FujieConnection;
import org.fujie.client.sdk.FujieTransportException;
import org.fujie.client.sdk.Idempotency;
import org.fujie.client.sdk.PathSegment;

/**
 * ca-service's API (CONTRACT.md): issuance from a CSR or with a generated key, reads, search, revocation and the CAs.
 * Issuance is sent once only (a lost answer may hide an issued certificate: search by subject before asking again);
 * revoke and release are retried, because ca-service answers a repeat with {@code changed: false}.
 */
public final class CaClient {

    private static final String CERTIFICATES = "/api/v1/certificates";

    private final FujieConnection connection;

    public CaClient(FujieConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /** A certificate for the CSR's key. */
    public Certificate issue(IssueRequest request) {
        if (request.csr() == null) {
            throw new IllegalArgumentException("no CSR: use generate for a key made by ca-service");
        }
        return connection.post(CERTIFICATES, request, Certificate.class, Idempotency.NOT_IDEMPOTENT);
    }

    /** Shorthand for {@link #issue(IssueRequest)} with the profile and the CSR only. */
    public Certificate issue(String profile, String csrPem) {
        return issue(IssueRequest.fromCsr(profile, csrPem));
    }

    /** A key made by ca-service and its certificate, as a PKCS#12 protected by the request's password. */
    public GeneratedKey generate(IssueRequest request) {
        if (request.keyGeneration() == null) {
            throw new IllegalArgumentException("no key generation: use issue for a CSR");
        }
        byte[] body = connection.write(request).getBytes(StandardCharsets.UTF_8);
        byte[] answer = connection.send("POST", connection.resolve(CERTIFICATES), "application/json", body,
                "application/json", Idempotency.NOT_IDEMPOTENT);
        String pkcs12 = connection.read(answer, Pkcs12Field.class).pkcs12();
        if (pkcs12 == null) {
            throw new FujieTransportException(connection.resolve(CERTIFICATES), "ca-service answered without the PKCS#12", null);
        }
        return new GeneratedKey(connection.read(answer, Certificate.class), Base64.getDecoder().decode(pkcs12));
    }

    /** The one field of a key generation's answer that {@link Certificate} does not have. */
    private record Pkcs12Field(String pkcs12) {
    }

    /** By serial number (hex); {@link org.fujie.client.sdk.NotFoundException} when there is none. */
    public Certificate certificate(String serialNumber) {
        return connection.get(CERTIFICATES + "/" + PathSegment.encode(serialNumber), Certificate.class);
    }

    public CertificatePage search(CertificateQuery query) {
        return connection.get(CERTIFICATES + PathSegment.query(query.parameters()), CertificatePage.class);
    }

    /** Revokes (or puts on hold, with {@link RevocationReason#CERTIFICATE_HOLD}); invalidityDate may be null. */
    public Revocation revoke(String serialNumber, RevocationReason reason, Instant invalidityDate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason.rfcName());
        if (invalidityDate != null) {
            body.put("invalidityDate", invalidityDate.toString());
        }
        return connection.post(CERTIFICATES + "/" + PathSegment.encode(serialNumber) + "/revoke", body, Revocation.class,
                Idempotency.IDEMPOTENT);
    }

    public Revocation revoke(String serialNumber, RevocationReason reason) {
        return revoke(serialNumber, reason, null);
    }

    /** Lifts a certificateHold; a permanently revoked certificate gives {@link org.fujie.client.sdk.ConflictException}. */
    public Revocation release(String serialNumber) {
        return connection.post(CERTIFICATES + "/" + PathSegment.encode(serialNumber) + "/release", null, Revocation.class,
                Idempotency.IDEMPOTENT);
    }

    /** The CAs, {@code root} and {@code issuing} from the bootstrap first. */
    public List<CertificateAuthority> authorities() {
        return List.of(connection.get("/api/v1/cas", CertificateAuthority[].class));
    }

    public CertificateAuthority authority(String id) {
        return connection.get("/api/v1/cas/" + PathSegment.encode(id), CertificateAuthority.class);
    }

    /** A new CA (ADMIN); not retried: a repeat after a lost answer is refused as a duplicate id. */
    public CertificateAuthority createAuthority(NewAuthority authority) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", authority.id());
        body.put("subject", authority.subject());
        body.put("algorithm", authority.algorithm());
        body.put("keyAlias", authority.keyAlias());
        body.put("parentId", authority.parentId());
        body.put("validityDays", authority.validityDays());
        body.put("pathLength", authority.pathLength());
        body.values().removeIf(Objects::isNull);
        return connection.post("/api/v1/cas", body, CertificateAuthority.class, Idempotency.NOT_IDEMPOTENT);
    }

    /** The key ceremony (ADMIN): a CA key in a key backend (null: where the routes send it). */
    public CaKey generateKey(String alias, String algorithm, String backend) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alias", Objects.requireNonNull(alias, "alias"));
        body.put("algorithm", Objects.requireNonNull(algorithm, "algorithm"));
        if (backend != null) {
            body.put("backend", backend);
        }
        return connection.post("/api/v1/keys", body, CaKey.class, Idempotency.NOT_IDEMPOTENT);
    }

    public CaKey key(String alias) {
        return connection.get("/api/v1/keys/" + PathSegment.encode(alias), CaKey.class);
    }
}
