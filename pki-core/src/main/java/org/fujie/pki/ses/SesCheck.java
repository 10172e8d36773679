package org.fujie.pki.ses;

/**
 * The named steps of seal and signature verification, in the order GB/T 38540 runs them (7.3 for a signature, 6.3 for
 * a seal alone); the first that fails ends verification.
 */
public enum SesCheck {
    /** The bytes are a seal or signature of one of the versions, within the size limit. */
    FORMAT,
    /** The signature value verifies over TBS_Sign with the signer certificate's key. */
    SIGNATURE_VALUE,
    /** The signer certificate is in the seal's certificate list (itself or its digest). */
    SIGNER_IN_SEAL,
    /** The maker's signature verifies over the seal information with the maker certificate's key. */
    SEAL_SIGNATURE,
    /** The maker certificate chains to a trust anchor (at the signing time, or the time asked for a seal alone). */
    MAKER_CHAIN,
    /** The maker certificate was within its validity then. */
    MAKER_VALIDITY,
    /** The maker certificate was not revoked then. */
    MAKER_REVOCATION,
    /** The maker certificate's key usage, when given, allows signatures (digitalSignature or nonRepudiation). */
    MAKER_KEY_USAGE,
    /** The signing time (or the time asked) lies within the seal's validStart..validEnd. */
    SEAL_VALIDITY,
    /** The signer certificate chains to a trust anchor at the signing time. */
    SIGNER_CHAIN,
    /** The signer certificate was within its validity at the signing time. */
    SIGNER_VALIDITY,
    /** The signer certificate was not revoked at the signing time. */
    SIGNER_REVOCATION,
    /** The signer certificate's key usage, when given, allows signatures (digitalSignature or nonRepudiation). */
    SIGNER_KEY_USAGE,
    /** The document's hash equals dataHash. */
    DOCUMENT_HASH,
    /** The time-stamp, when there is one, is a valid RFC 3161 token over the signature value. */
    TIME_STAMP
}
