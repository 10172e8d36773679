package org.fujie.pki.validation;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.fujie.pki.crypto.Sm2;
import org.fujie.pki.x509.ExactBytes;

/**
 * Paths that passed PKIX validation, by their certificates' bytes, with the time window in which all of them
 * are valid. With revocation checked apart, a path's PKIX verdict depends on the validation time only through the
 * validity periods (signatures, names, constraints and policies do not change), so a path that passed once passes at
 * any time inside that window, and its signatures need not be checked again: the CA certificates of a path are the
 * same for every user of a department, and a user logs in many times a day. Failures are never kept. Bounded: when
 * full it starts over (it only saves work). The SM2 user ID in force is part of the key.
 */
final class ValidatedPaths {

    private record Window(Instant notBefore, Instant notAfter) {
        boolean contains(Instant at) {
            return !at.isBefore(notBefore) && !at.isAfter(notAfter);
        }
    }

    private final Map<List<Object>, Window> passed = new ConcurrentHashMap<>();
    private final int maxEntries;

    ValidatedPaths(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** Whether exactly this path (certificate first, anchor last) passed before and is valid throughout at the time. */
    boolean passedAt(List<X509Certificate> path, Instant at) {
        Window window = passed.get(key(path));
        return window != null && window.contains(at);
    }

    void remember(List<X509Certificate> path) {
        Instant notBefore = Instant.MIN;
        Instant notAfter = Instant.MAX;
        for (X509Certificate certificate : path) {
            Instant from = certificate.getNotBefore().toInstant();
            Instant to = certificate.getNotAfter().toInstant();
            notBefore = from.isAfter(notBefore) ? from : notBefore;
            notAfter = to.isBefore(notAfter) ? to : notAfter;
        }
        if (passed.size() >= maxEntries) {
            passed.clear();
        }
        passed.put(key(path), new Window(notBefore, notAfter));
    }

    int size() {
        return passed.size();
    }

    private static List<Object> key(List<X509Certificate> path) {
        List<Object> key = new ArrayList<>(path.size() + 1);
        // SM2 signatures verify only under the SM2 user ID they were made with: a verdict holds for that ID alone.
        key.add(Sm2.userId());
        for (X509Certificate certificate : path) {
            key.add(ExactBytes.of(certificate));
        }
        return key;
    }
}
