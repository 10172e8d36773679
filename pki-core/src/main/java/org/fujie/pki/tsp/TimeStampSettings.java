package org.fujie.pki.tsp;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * How one TSA stamps: the policy it stamps under (RFC 3161 2.4.2 policy), the message imprint hash
 * algorithms it accepts, the accuracy it states, the largest request it parses, and whether a request
 * with certReq gets the whole chain given to the TSA or only the TSA certificate.
 *
 * @param accuracy stated in every token, in whole microseconds; {@link Duration#ZERO} leaves the field out. It
 *                 also sets the precision of genTime: whole seconds for 1 s, milliseconds for 500 ms.
 */
public record TimeStampSettings(ASN1ObjectIdentifier policy, Set<ASN1ObjectIdentifier> acceptedDigests, Duration accuracy,
        int maxRequestBytes, boolean includeChain) {

    /** A request is about 60 to 140 octets (SHA-512 imprint, policy, nonce); 1 KiB leaves room for odd clients. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1024;

    public TimeStampSettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(accuracy, "accuracy");
        acceptedDigests = Set.copyOf(acceptedDigests);
        if (acceptedDigests.isEmpty()) {
            throw new IllegalArgumentException("at least one digest algorithm must be accepted");
        }
        for (ASN1ObjectIdentifier digest : acceptedDigests) {
            if (!ImprintDigests.isKnown(digest)) {
                throw new IllegalArgumentException("unknown digest algorithm " + digest);
            }
        }
        if (accuracy.isNegative() || accuracy.getNano() % 1000 != 0) {
            throw new IllegalArgumentException("accuracy must be zero or positive, in whole microseconds: " + accuracy);
        }
        if (maxRequestBytes < 64) {
            throw new IllegalArgumentException("maxRequestBytes too small for any request: " + maxRequestBytes);
        }
    }

    /**
     * SHA-256, SHA-384, SHA-512 and SM3 imprints (SM3 for SM2 signatures, which government systems must support), 1 s
     * accuracy, 1 KiB requests, only the TSA certificate on certReq.
     */
    public static TimeStampSettings defaults(ASN1ObjectIdentifier policy) {
        return new TimeStampSettings(policy, Set.of(ImprintDigests.SHA256, ImprintDigests.SHA384, ImprintDigests.SHA512,
                ImprintDigests.SM3),
                Duration.ofSeconds(1), DEFAULT_MAX_REQUEST_BYTES, false);
    }

    public TimeStampSettings withAcceptedDigests(Set<ASN1ObjectIdentifier> digests) {
        return new TimeStampSettings(policy, digests, accuracy, maxRequestBytes, includeChain);
    }

    public TimeStampSettings withAccuracy(Duration value) {
        return new TimeStampSettings(policy, acceptedDigests, value, maxRequestBytes, includeChain);
    }

    public TimeStampSettings withMaxRequestBytes(int value) {
        return new TimeStampSettings(policy, acceptedDigests, accuracy, value, includeChain);
    }

    public TimeStampSettings withIncludeChain(boolean value) {
        return new TimeStampSettings(policy, acceptedDigests, accuracy, maxRequestBytes, value);
    }
}
