package org.fujie.pki.tsp;

import java.util.Map;
import java.util.OptionalInt;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;

/**
 * The hash algorithms a message imprint may name (RFC 3161 2.4.1) and the length of their output,
 * which is what lets the TSA refuse an imprint that cannot be a hash of that algorithm. A TSA accepts
 * a subset of these ({@link TimeStampSettings#acceptedDigests()}); SM3 is known so it can be switched on.
 */
public final class ImprintDigests {

    public static final ASN1ObjectIdentifier SHA256 = NISTObjectIdentifiers.id_sha256;
    public static final ASN1ObjectIdentifier SHA384 = NISTObjectIdentifiers.id_sha384;
    public static final ASN1ObjectIdentifier SHA512 = NISTObjectIdentifiers.id_sha512;
    public static final ASN1ObjectIdentifier SM3 = GMObjectIdentifiers.sm3;

    private static final Map<ASN1ObjectIdentifier, Integer> LENGTHS = Map.of(SHA256, 32, SHA384, 48, SHA512, 64, SM3, 32);

    private ImprintDigests() {
    }

    /** The output length in octets, or empty for an algorithm Fujie does not know. */
    public static OptionalInt length(ASN1ObjectIdentifier algorithm) {
        Integer length = LENGTHS.get(algorithm);
        return length == null ? OptionalInt.empty() : OptionalInt.of(length);
    }

    public static boolean isKnown(ASN1ObjectIdentifier algorithm) {
        return LENGTHS.containsKey(algorithm);
    }
}
