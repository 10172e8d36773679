package org.fujie.ca.ocsp;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pre-signed responses by certificate serial. A serial may have a few variants, one per CertID
 * encoding clients use (SHA-1 or SHA-256 hashes); a variant is found by the CertID's DER. Bounded:
 * past the limit nothing more is added and requests are signed as they come.
 */
final class ResponseCache {

    private record Variant(byte[] certId, OcspReply reply) {
    }

    private final ConcurrentHashMap<BigInteger, Variant[]> bySerial = new ConcurrentHashMap<>();
    private final int limit;

    ResponseCache(int limit) {
        this.limit = limit;
    }

    OcspReply get(BigInteger serial, byte[] certId) {
        Variant[] variants = bySerial.get(serial);
        if (variants != null) {
            for (Variant variant : variants) {
                if (Arrays.equals(variant.certId, certId)) {
                    return variant.reply;
                }
            }
        }
        return null;
    }

    void put(BigInteger serial, byte[] certId, OcspReply reply) {
        if (bySerial.mappingCount() >= limit && !bySerial.containsKey(serial)) {
            return;
        }
        bySerial.compute(serial, (key, old) -> {
            if (old == null) {
                return new Variant[] {new Variant(certId, reply)};
            }
            Variant[] updated = Arrays.copyOf(old, old.length + 1);
            for (int i = 0; i < old.length; i++) {
                if (Arrays.equals(old[i].certId, certId)) {
                    updated = old.clone();
                    updated[i] = new Variant(certId, reply);
                    return updated;
                }
            }
            updated[old.length] = new Variant(certId, reply);
            return updated;
        });
    }

    void evict(BigInteger serial) {
        bySerial.remove(serial);
    }

    void clear() {
        bySerial.clear();
    }

    long size() {
        return bySerial.mappingCount();
    }
}
