package org.fujie.client.sdk.trust;

import java.time.Instant;

/** A log-in challenge: sign the UTF-8 bytes of {@code nonce} before {@code expiresAt}. */
public record Challenge(String challengeId, String nonce, Instant expiresAt) {
}
