package org.fujie.pki.validation;

/**
 * The sub-indications of ETSI EN 319 102-1 (5.1.3, table 5) that certificate (and signature) validation can give,
 * each with the main indication the standard pairs it with. EXPIRED, NOT_YET_VALID and FORMAT_FAILURE
 * appear under both TOTAL_FAILED and INDETERMINATE in the standard; the validator picks.
 */
public enum SubIndication {
    /** The input is not a well-formed certificate (or chain) within the size limits. */
    FORMAT_FAILURE,
    /** A signature in the chain does not verify with the key of its issuer. */
    SIG_CRYPTO_FAILURE,
    /** The certificate was revoked before the validation time. */
    REVOKED,
    /** The certificate (or one of its CAs) had expired at the validation time. */
    EXPIRED,
    /** The certificate (or one of its CAs) was not yet valid at the validation time. */
    NOT_YET_VALID,
    /** The chain is valid but fails a constraint of the validation request (the required purpose). */
    CHAIN_CONSTRAINTS_FAILURE,
    /** Path validation (RFC 5280 6.1) failed for another reason: CA flag, key usage, name constraints, policy. */
    CERTIFICATE_CHAIN_GENERAL_FAILURE,
    /** An algorithm or key size in the chain is not accepted (jdk.certpath.disabledAlgorithms). */
    CRYPTO_CONSTRAINTS_FAILURE,
    /** No path from the certificate to a trust anchor for the requested purpose could be built. */
    NO_CERTIFICATE_CHAIN_FOUND,
    /** An intermediate CA was revoked before the validation time; a proof of existence could save it. */
    REVOKED_CA_NO_POE,
    /** Expired at the validation time and there is no proof that the object existed while it was valid. */
    OUT_OF_BOUNDS_NO_POE,
    /** Revocation information exists but does not cover the validation time. */
    REVOCATION_OUT_OF_BOUNDS_NO_POE,
    /** No revocation information could be obtained now; it may be later. */
    TRY_LATER,
    /** Signature validation: the digest of the signed data does not match the one the signature carries. */
    HASH_FAILURE,
    /** Signature validation: the signing certificate is not in the signature, or does not match its reference. */
    NO_SIGNING_CERTIFICATE_FOUND,
    /** Signature validation: the signed data a reference names cannot be obtained (a detached document not given). */
    SIGNED_DATA_NOT_FOUND,
    /** Signature validation: the signing certificate was revoked and nothing proves the signature existed before. */
    REVOKED_NO_POE;

    /** The main indication the standard pairs this sub-indication with in a certificate verdict. */
    public Indication indication() {
        return switch (this) {
            case FORMAT_FAILURE, SIG_CRYPTO_FAILURE, REVOKED, EXPIRED, NOT_YET_VALID, HASH_FAILURE -> Indication.TOTAL_FAILED;
            default -> Indication.INDETERMINATE;
        };
    }
}
