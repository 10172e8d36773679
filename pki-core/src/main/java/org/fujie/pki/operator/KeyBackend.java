package org.fujie.pki.operator;

import org.fujie.pki.crypto.KeyAlgorithm;

/** Where private keys live: encrypted files, an HSM or a key vault. Keys are generated inside it. */
public interface KeyBackend {

    /** The configuration name of this backend, e.g. {@code software}. */
    String name();

    boolean contains(String alias);

    /** Generates a new key under the alias; refuses an alias that exists. */
    SigningKey generate(String alias, KeyAlgorithm algorithm);

    /** The key under the alias. */
    SigningKey get(String alias);

    /** A fresh retry schedule for a key of this backend that could not be reached (see {@link DeferredSigningKey}). */
    default Backoff newBackoff() {
        return Backoff.standard();
    }

    /** The configuration name of the backend that holds (or would make) the key under the alias. */
    default String backendOf(String alias) {
        return name();
    }
}
