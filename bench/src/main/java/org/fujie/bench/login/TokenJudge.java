package org.fujie.bench.login;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;

import javax.net.ssl.SSLContext;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Judges a token as a relying application would, with a JOSE library of its own (Nimbus) and nothing of Fujie's:
 * the ES256 signature under the key of trust-service's published JWKS that the token's {@code kid} names, the
 * subject, and the expiry. Before timing, so the benchmark cannot count tokens nobody could use.
 */
final class TokenJudge {

    private final JWKSet keys;

    private TokenJudge(JWKSet keys) {
        this.keys = keys;
    }

    /** Reads {@code /.well-known/jwks.json} of trust-service. */
    static TokenJudge fetch(URI trustUrl, SSLContext ssl) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(trustUrl.resolve("/.well-known/jwks.json")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("JWKS: HTTP " + answer.statusCode() + ": " + answer.body());
        }
        JWKSet keys = JWKSet.parse(answer.body());
        if (keys.getKeys().isEmpty()) {
            throw new IllegalStateException("JWKS without keys: " + answer.body());
        }
        return new TokenJudge(keys);
    }

    int keyCount() {
        return keys.getKeys().size();
    }

    /** Null when the token is good for {@code subject} now; otherwise what is wrong with it. */
    String problem(String token, String subject) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
                return "algorithm " + jwt.getHeader().getAlgorithm() + ", not ES256";
            }
            JWK key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            if (!(key instanceof ECKey ec)) {
                return "no EC key " + jwt.getHeader().getKeyID() + " in the JWKS";
            }
            if (!jwt.verify(new ECDSAVerifier(ec))) {
                return "the signature does not verify under " + ec.getKeyID();
            }
            var claims = jwt.getJWTClaimsSet();
            if (!subject.equals(claims.getSubject())) {
                return "sub " + claims.getSubject() + ", not " + subject;
            }
            if (claims.getExpirationTime() == null || !claims.getExpirationTime().after(new Date())) {
                return "expired or without exp: " + claims.getExpirationTime();
            }
            return null;
        } catch (Exception e) {
            return e.toString();
        }
    }
}
