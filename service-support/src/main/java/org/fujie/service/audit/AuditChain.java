package org.fujie.service.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of an audit entry: SHA-256 over the previous hash and the entry's fields, each field
 * length-prefixed ({@code <UTF-8 byte length>:<bytes>}, an absent field {@code -1:}) so that no two
 * different entries share an encoding. Times are {@link Instant#toString()} at microsecond precision.
 *
 * <p>Two forms, so that entries written before roles, outcome and client address existed still verify:
 * <ul>
 * <li>{@link #hash(String, long, Instant, String, String, String, String) v1}: previous hash, seq, at,
 * actor, action, target, details; used for entries whose outcome, roles and address are all absent.</li>
 * <li>{@link #hashV2 v2}: the tag {@value #V2_TAG}, previous hash, seq, at, actor, roles, action, target,
 * outcome, client address, details. The tag makes a v2 encoding differ from every v1 encoding, and
 * clearing the new columns of a v2 entry changes the form, so it no longer matches its hash.</li>
 * </ul>
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);
    static final String V2_TAG = "fujie-audit-v2";

    private AuditChain() {
    }

    /** The v1 form (entries written before the roles, outcome and client address columns). */
    public static String hash(String previousHash, long seq, Instant at, String actor, String action,
            String target, String details) {
        return sha256(previousHash, Long.toString(seq), at.toString(), actor, action, target, details);
    }

    public static String hashV2(String previousHash, long seq, Instant at, String actor, String roles, String action,
            String target, String outcome, String clientAddress, String details) {
        return sha256(V2_TAG, previousHash, Long.toString(seq), at.toString(), actor, roles, action, target, outcome,
                clientAddress, details);
    }

    private static String sha256(String... fields) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String field : fields) {
                if (field == null) {
                    digest.update("-1:".getBytes(StandardCharsets.US_ASCII));
                    continue;
                }
                byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Databases keep microseconds; entries are hashed with the precision they are stored with. */
    public static Instant storedPrecision(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
