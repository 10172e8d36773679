package org.fujie.bench.token;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * The tokens of the benchmark, shaped as trust-service issues them (ES256, typ JWT, kid; iss, aud fujie, sub, iat, nbf,
 * exp +10 min, jti, serial, fingerprint, x5t#S256, org, roles), one per simulated user, and a stand-in JWKS endpoint on
 * 127.0.0.1 that publishes their key and counts how often it is fetched (a decoder that fetches per token would show).
 */
final class BenchTokens implements AutoCloseable {

    static final String ISSUER = "https://127.0.0.1:8445";
    static final String AUDIENCE = "fujie";

    final ECKey key;
    final List<String> tokens;
    final String tampered;
    final String expired;
    private final HttpServer jwks;
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger next = new AtomicInteger();

    BenchTokens(int count) throws Exception {
        key = new ECKeyGenerator(Curve.P_256).keyID("ES256-bench").algorithm(JWSAlgorithm.ES256).generate();
        Instant now = Instant.now();
        List<String> made = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            made.add(token("CN=Bench User " + i + ",O=Bench Bureau", now, now.plusSeconds(600)));
        }
        tokens = List.copyOf(made);
        String[] parts = tokens.get(0).split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("APP", "ADMIN");
        tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        expired = token("CN=Late,O=Bench Bureau", now.minusSeconds(1200), now.minusSeconds(600));
        byte[] published = new JWKSet(key.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, published.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(published);
            }
        });
        jwks.start();
    }

    URI jwksUrl() {
        return URI.create("http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json");
    }

    int fetches() {
        return fetches.get();
    }

    /** The tokens round robin across all threads, so no decoder can gain by seeing one token again and again. */
    String next() {
        return tokens.get(Math.floorMod(next.getAndIncrement(), tokens.size()));
    }

    private String token(String subject, Instant issued, Instant expires) throws JOSEException {
        byte[] fingerprint = new byte[32];
        new java.security.SecureRandom().nextBytes(fingerprint);
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .issueTime(Date.from(issued)).notBeforeTime(Date.from(issued)).expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .claim("serial", HexFormat.of().formatHex(fingerprint, 0, 20))
                .claim("fingerprint", HexFormat.of().formatHex(fingerprint))
                .claim("x5t#S256", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(fingerprint))
                .claim("org", "Bench Bureau").claim("roles", List.of("APP")).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    @Override
    public void close() throws IOException {
        jwks.stop(0);
    }
}
