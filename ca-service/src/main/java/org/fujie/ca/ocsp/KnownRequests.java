package org.fujie.ca.ocsp;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import org.fujie.pki.x509.ExactBytes;

/**
 * Request bytes already seen, and which cached response they ask for. RFC 5019 clients send
 * byte-identical requests for one certificate (no nonce, deterministic DER), so a repeat is answered
 * without parsing. It points at the response cache rather than holding responses, so an eviction
 * there (a revocation) takes effect here too. Bounded; emptied when full.
 */
final class KnownRequests {

    private static final int LIMIT = 100_000;
    private static final int MAX_REQUEST_BYTES = 512;

    private record Target(BigInteger serial, byte[] certId) {
    }

    private final ConcurrentHashMap<ExactBytes, Target> targets = new ConcurrentHashMap<>();
    private final BiFunction<BigInteger, byte[], OcspReply> cached;
    private final Duration refreshAfter;

    KnownRequests(BiFunction<BigInteger, byte[], OcspReply> cached, Duration refreshAfter) {
        this.cached = cached;
        this.refreshAfter = refreshAfter;
    }

    /** The cached, still fresh response for a request seen before; null otherwise. */
    OcspReply replyFor(byte[] der, Instant now) {
        if (der.length == 0 || der.length > MAX_REQUEST_BYTES) {
            return null;
        }
        Target target = targets.get(ExactBytes.of(der));
        if (target == null) {
            return null;
        }
        OcspReply reply = cached.apply(target.serial, target.certId);
        return reply != null && now.isBefore(reply.thisUpdate().plus(refreshAfter)) ? reply : null;
    }

    void remember(byte[] der, BigInteger serial, byte[] certId) {
        if (der.length > MAX_REQUEST_BYTES) {
            return;
        }
        if (targets.size() >= LIMIT) {
            targets.clear();
        }
        targets.put(ExactBytes.of(der), new Target(serial, certId));
    }

    void clear() {
        targets.clear();
    }
}
