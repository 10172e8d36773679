package org.fujie.pki.operator;

import java.util.Objects;
import java.util.function.Supplier;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.fujie.pki.crypto.KeyAlgorithm;

/**
 * A backend opened on first use rather than at start, and opened again after a failure once its {@link Backoff} allows:
 * a wrong PIN, a token not yet plugged in or an unreachable Vault make the keys in it unavailable with a clear reason,
 * and the service starts and serves what needs no key. Once the fault is fixed the next try opens it, without a restart.
 */
public final class ResilientKeyBackend implements KeyBackend {

    private final String name;
    private final Supplier<? extends KeyBackend> opener;
    private final Backoff backoff;
    private volatile KeyBackend open;

    public ResilientKeyBackend(String name, Supplier<? extends KeyBackend> opener, Backoff backoff) {
        this.name = Objects.requireNonNull(name);
        this.opener = Objects.requireNonNull(opener);
        this.backoff = Objects.requireNonNull(backoff);
    }

    @Override
    public String name() {
        return name;
    }

    /** available (open), unavailable (the last try failed: see {@link #unavailableReason}) or not-opened (never needed yet). */
    public String state() {
        if (open != null) {
            return "available";
        }
        return backoff.reason() == null ? "not-opened" : "unavailable";
    }

    /** Why the backend is not open, or null when it is (or has not been tried). */
    public String unavailableReason() {
        return open != null ? null : backoff.reason();
    }

    private KeyBackend opened() {
        KeyBackend backend = open;
        if (backend != null) {
            return backend;
        }
        synchronized (this) {
            if (open == null) {
                String what = "key backend " + name;
                backoff.checkReady(what);
                try {
                    open = opener.get();
                    backoff.succeeded();
                } catch (RuntimeException e) {
                    backoff.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                    throw new KeyBackendException(what + " is unavailable: " + backoff.reason(), e);
                }
            }
            return open;
        }
    }

    @Override
    public boolean contains(String alias) {
        return opened().contains(alias);
    }

    @Override
    public SigningKey generate(String alias, KeyAlgorithm algorithm) {
        return opened().generate(alias, algorithm);
    }

    @Override
    public SigningKey get(String alias) {
        return opened().get(alias);
    }

    @Override
    public SigningKey get(String alias, SubjectPublicKeyInfo certified) {
        return opened().get(alias, certified);
    }

    @Override
    public String toString() {
        return "ResilientKeyBackend[" + name + (open == null ? ", not open" : ", " + open) + "]";
    }
}
