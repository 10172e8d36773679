package org.fujie.trust.auth;

import java.time.Instant;
import java.util.Set;

import org.fujie.service.security.Role;

/**
 * Who logged in: what an access token says about the user's certificate.
 *
 * @param subject RFC 4514 subject DN
 * @param serial lower-case hex serial number
 * @param fingerprint lower-case hex SHA-256 of the certificate
 * @param thumbprint base64url SHA-256 of the certificate ({@code x5t#S256})
 * @param organization the subject's O, or null
 * @param roles what trust-service grants this certificate
 * @param certificateNotAfter no token outlives the certificate
 */
public record LoginIdentity(String subject, String serial, String fingerprint, String thumbprint, String organization,
        Set<Role> roles, Instant certificateNotAfter) {

    public LoginIdentity {
        roles = Set.copyOf(roles);
    }
}
