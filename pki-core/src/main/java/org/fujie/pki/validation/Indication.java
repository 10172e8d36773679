package org.fujie.pki.validation;

/** The main status indications of ETSI EN 319 102-1 (5.1.3, table 4). */
public enum Indication {
    /** Every check passed. */
    TOTAL_PASSED,
    /** A check failed in a way no further data can repair (revoked, expired, broken signature). */
    TOTAL_FAILED,
    /** The result could not be decided: a chain, revocation data or a proof of existence is missing. */
    INDETERMINATE
}
