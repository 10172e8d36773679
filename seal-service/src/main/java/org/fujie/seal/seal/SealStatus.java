package org.fujie.seal.seal;

/** A seal's lifecycle: made (PENDING), approved with a certificate (ACTIVE), SUSPENDED and back, or REVOKED for good. */
public enum SealStatus {
    PENDING, ACTIVE, SUSPENDED, REVOKED
}
