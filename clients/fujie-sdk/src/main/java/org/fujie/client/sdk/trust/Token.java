package org.fujie.client.sdk.trust;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A JWT from trust-service (roles in its {@code roles} claim), verifiable with {@code /.well-known/jwks.json}. */
public record Token(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn, String subject) {

    @Override
    public String toString() {
        // A bearer token is a credential: never in a log line.
        return "Token[" + subject + ", expires in " + expiresIn + " s]";
    }
}
