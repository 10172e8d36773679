package org.fujie.service.security;

import java.time.Instant;
import java.util.Set;

/** A stored grant of roles to a certificate subject or to one certificate's fingerprint. */
public record PrincipalRecord(String id, String subject, String fingerprint, Set<Role> roles, Instant createdAt) {
}
