package org.fujie.pki.operator;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.fujie.pki.crypto.KeyAlgorithm;

/**
 * A key whose public half is known already (from its certificate) and whose private half is fetched from the backend
 * only when something is signed. A CA loads from its certificate alone, so its certificate, chain and pre-signed
 * answers are served while its backend is down; signing then fails at once with the reason, tries again after a
 * {@link Backoff}, and works again once the backend does. The key found must be the certificate's, or it is refused.
 */
public final class DeferredSigningKey implements SigningKey {

    private final KeyBackend backend;
    private final String alias;
    private final KeyAlgorithm algorithm;
    private final SubjectPublicKeyInfo publicKeyInfo;
    private final Backoff backoff;
    private volatile SigningKey resolved;

    public DeferredSigningKey(KeyBackend backend, String alias, KeyAlgorithm algorithm, SubjectPublicKeyInfo publicKeyInfo,
            Backoff backoff) {
        this.backend = Objects.requireNonNull(backend);
        this.alias = Objects.requireNonNull(alias);
        this.algorithm = Objects.requireNonNull(algorithm);
        this.publicKeyInfo = Objects.requireNonNull(publicKeyInfo);
        this.backoff = Objects.requireNonNull(backoff);
    }

    @Override
    public String alias() {
        return alias;
    }

    @Override
    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public SubjectPublicKeyInfo publicKeyInfo() {
        return publicKeyInfo;
    }

    /** Why the key cannot sign now, or null when it could at the last try (or was never tried). */
    public String unavailableReason() {
        return backoff.reason();
    }

    @Override
    public ContentSigner newContentSigner() {
        SigningKey key = resolve();
        ContentSigner signer;
        try {
            signer = key.newContentSigner();
        } catch (RuntimeException e) {
            throw lost(key, e);
        }
        return new ContentSigner() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return signer.getAlgorithmIdentifier();
            }

            @Override
            public OutputStream getOutputStream() {
                return signer.getOutputStream();
            }

            @Override
            public byte[] getSignature() {
                try {
                    return signer.getSignature();
                } catch (RuntimeException e) {
                    throw lost(key, e);
                }
            }
        };
    }

    private SigningKey resolve() {
        SigningKey key = resolved;
        if (key != null) {
            return key;
        }
        synchronized (this) {
            if (resolved == null) {
                backoff.checkReady("key " + alias);
                try {
                    SigningKey found = backend.get(alias, publicKeyInfo);
                    if (!Arrays.equals(encoded(found.publicKeyInfo()), encoded(publicKeyInfo))) {
                        throw new KeyBackendException("the key under alias " + alias + " in backend " + backend.backendOf(alias)
                                + " is not the one its certificate names");
                    }
                    resolved = found;
                    backoff.succeeded();
                } catch (KeyBackendException e) {
                    backoff.failed(e.getMessage());
                    throw new KeyBackendException("key " + alias + " is unavailable: " + e.getMessage(), e);
                }
            }
            return resolved;
        }
    }

    /** A key that failed to sign (token removed, session lost) is looked up afresh after the pause. */
    private KeyBackendException lost(SigningKey key, RuntimeException e) {
        synchronized (this) {
            if (resolved == key) {
                resolved = null;
            }
            backoff.failed("signing failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return new KeyBackendException("key " + alias + " failed to sign: " + backoff.reason(), e);
    }

    private static byte[] encoded(SubjectPublicKeyInfo info) {
        try {
            return info.getEncoded();
        } catch (java.io.IOException e) {
            throw new KeyBackendException("cannot encode a public key", e);
        }
    }

    @Override
    public String toString() {
        return "DeferredSigningKey[" + alias + ", " + algorithm.id() + "]";
    }
}
