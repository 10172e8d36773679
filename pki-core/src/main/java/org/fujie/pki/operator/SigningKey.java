package org.fujie.pki.operator;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentSigner;
import org.fujie.pki.crypto.KeyAlgorithm;

/**
 * A private key held by a {@link KeyBackend}, reachable only as a signer. It knows how to sign, never
 * what: callers hand its {@link ContentSigner} to a builder that describes the object to sign.
 */
public interface SigningKey {

    String alias();

    KeyAlgorithm algorithm();

    SubjectPublicKeyInfo publicKeyInfo();

    /** A fresh signer; a ContentSigner holds the state of one signature and is never shared. */
    ContentSigner newContentSigner();
}
