package org.fujie.pki.operator;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
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

    /**
     * The key under the alias whose public half is the certified one. Backends that keep versions of a key (Vault)
     * find the version a certificate names even after the key was rotated; others have one key per alias.
     */
    default SigningKey get(String alias, SubjectPublicKeyInfo certified) {
        return get(alias);
    }

    /** A fresh retry schedule for a key of this backend that could not be reached (see {@link DeferredSigningKey}). */
    default Backoff newBackoff() {
        return Backoff.standard();
    }

    /** The configuration name of the backend that holds (or would make) the key under the alias. */
    default String backendOf(String alias) {
        return name();
    }
}
