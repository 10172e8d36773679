package org.fujie.client.sdk;

/** Whether a call may be sent again when its answer was lost or the service was briefly unavailable. */
public enum Idempotency {
    /** Sending twice has the effect of sending once (GET, revoke, validate, verify, time-stamp). */
    IDEMPOTENT,
    /** Each call makes something new (a certificate, a key, a stamped document, a seal): sent at most once. */
    NOT_IDEMPOTENT
}
