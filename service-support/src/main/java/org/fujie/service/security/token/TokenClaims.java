package org.fujie.service.security.token;

/**
 * The claims of an access token trust-service issues after a certificate log-in (CONTRACT.md), beside the
 * registered ones ({@code iss, sub, aud, iat, nbf, exp, jti}): {@code sub} is the certificate's subject (RFC 4514).
 */
public final class TokenClaims {

    private TokenClaims() {
    }

    /** The role names trust-service grants the certificate. */
    public static final String ROLES = "roles";
    /** SHA-256 of the certificate, lower-case hex: the form of Fujie's principals. */
    public static final String FINGERPRINT = "fingerprint";
    /** The certificate's serial number, lower-case hex. */
    public static final String SERIAL = "serial";
    /** The organization (O) of the subject, when it has one. */
    public static final String ORGANIZATION = "org";
    /**
     * base64url SHA-256 of the certificate (as RFC 7515 4.1.8 names it). Deliberately not inside {@code cnf}: RFC 8705
     * would bind the token to TLS connections made with that certificate, and the applications a user logs in to call
     * on with the token from their own servers, not with the user's key.
     */
    public static final String X5T_S256 = "x5t#S256";
    /** The audience Fujie's own services expect unless configured otherwise. */
    public static final String DEFAULT_AUDIENCE = "fujie";
}
