package org.fujie.client.sdk.admin;

import java.time.Instant;
import java.util.Set;

/** A grant of roles in one service, to a subject (RFC 4514) or to one certificate's SHA-256 fingerprint. */
public record Principal(String id, String subject, String fingerprint, Set<String> roles, Instant createdAt) {
}
