package org.fujie.client.sdk.seal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fujie.client.sdk.FujieConnection;
import org.fujie.client.sdk.Idempotency;
import org.fujie.client.sdk.Multipart;
import org.fujie.client.sdk.PathSegment;

/**
 * seal-service's API (CONTRACT.md). Making a seal and stamping are sent once only: each makes a key or a signature
 * that is recorded. Approve is not retried either: a repeat after a lost answer would be refused as a state conflict,
 * hiding that the first one worked. Suspend and resume are not retried for the same reason: seal-service moves ACTIVE to
 * SUSPENDED (and back) only, so a repeat is a {@code seal-state} conflict. Revoke is retried: a repeat returns the
 * revoked seal.
 */
public final class SealClient {

    private static final String SEALS = "/api/v1/seals";

    private final FujieConnection connection;

    public SealClient(FujieConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    /** A new seal in status PENDING; its certificate comes from ca-service with profile {@code seal}. */
    public Seal create(NewSeal seal) {
        return connection.post(SEALS, seal, Seal.class, Idempotency.NOT_IDEMPOTENT);
    }

    /** By a SEAL_ADMIN other than the maker (four eyes). */
    public Seal approve(String id) {
        return connection.post(path(id, "/approve"), null, Seal.class, Idempotency.NOT_IDEMPOTENT);
    }

    public Seal suspend(String id) {
        return connection.post(path(id, "/suspend"), null, Seal.class, Idempotency.NOT_IDEMPOTENT);
    }

    public Seal resume(String id) {
        return connection.post(path(id, "/resume"), null, Seal.class, Idempotency.NOT_IDEMPOTENT);
    }

    /** Permanent; reason may be null. */
    public Seal revoke(String id, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (reason != null) {
            body.put("reason", reason);
        }
        return connection.post(path(id, "/revoke"), body, Seal.class, Idempotency.IDEMPOTENT);
    }

    /**
     * Replaces the seal's keepers (certificate subjects or user ids; at least one) with these; not for a REVOKED seal.
     * Retried: sending the same list again changes nothing more.
     */
    public Seal keepers(String id, List<String> keepers) {
        return connection.put(path(id, "/keepers"), Map.of("keepers", List.copyOf(keepers)), Seal.class);
    }

    /**
     * A new key and certificate for an ACTIVE or SUSPENDED seal; the old certificate is not revoked. Not retried: a
     * repeat after a lost answer would make yet another key.
     */
    public Seal renew(String id) {
        return connection.post(path(id, "/renew"), null, Seal.class, Idempotency.NOT_IDEMPOTENT);
    }

    /** The seals the caller may see (a keeper sees its own only). */
    public List<Seal> list() {
        return list(null, false);
    }

    /** Only those of one status (null: any); expiring: only ACTIVE seals whose certificate expires within the warning window. */
    public List<Seal> list(String status, boolean expiring) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("status", status);
        query.put("expiring", expiring ? "true" : null);
        return List.of(connection.get(SEALS + PathSegment.query(query), Seal[].class));
    }

    /** Every stamp made with the seal, as recorded. */
    public List<SealUsage> usage(String id) {
        return List.of(connection.get(path(id, "/usage"), SealUsage[].class));
    }

    /** The SM2 seal's GB/T 38540 SESeal (DER). */
    public byte[] eseal(String id) {
        return connection.getBytes(path(id, "/eseal"), "application/octet-stream");
    }

    public Seal seal(String id) {
        return connection.get(path(id, ""), Seal.class);
    }

    /** A PDF stamped with a visible seal and a PAdES signature. */
    public byte[] stampPdf(String sealId, byte[] pdf, StampOptions options) {
        return stamp(sealId, pdf, "document.pdf", "application/pdf", options);
    }

    /** Any document seal-service stamps: PDF in, PDF out; XML in, XML out (XAdES enveloped). */
    public byte[] stamp(String sealId, byte[] document, String filename, String contentType, StampOptions options) {
        Multipart body = new Multipart().file("document", filename, contentType, document)
                .text("options", "application/json", connection.write(options == null ? StampOptions.defaults() : options));
        return connection.post(path(sealId, "/stamp"), body, contentType, Idempotency.NOT_IDEMPOTENT);
    }

    private static String path(String id, String action) {
        return SEALS + "/" + PathSegment.encode(id) + action;
    }
}
