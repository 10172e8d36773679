package org.fujie.bench.token;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;

import org.fujie.bench.BenchArgs;
import org.fujie.bench.BenchLog;
import org.fujie.bench.ClosedLoop;
import org.fujie.bench.HeadToHead;
import org.fujie.bench.HeadToHead.Contender;
import org.fujie.client.boot.FujieClientProperties;
import org.fujie.client.boot.jwt.FujieJwtDecoders;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Token validations per second in the starter (issue 8): the decoder the Fujie Spring Boot starter gives applications
 * ({@link FujieJwtDecoders}: JWKS by kid, typ, exp/nbf, iss, aud, sub, RFC 8705 binding check) against the peer an
 * application would use without it, Spring Security's own {@code NimbusJwtDecoder.withJwkSetUri} with the default
 * validators and issuer, in alternating rounds; and the ceiling, a bare Nimbus ES256 signature verification of the same
 * tokens through Bouncy Castle. Each decoder first shows it accepts a good token and refuses a changed and an expired one.
 */
public final class TokenBench {

    private static final String USAGE = "TokenBench [--seconds 8] [--warmup 5] [--rounds 2] [--threads 1,2] [--tokens 1000] --out FILE";

    private final BenchLog log = new BenchLog();

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args, USAGE);
        new TokenBench().run(options.number("seconds", 8), options.number("warmup", 5), options.integer("rounds", 2),
                options.integers("threads", "1,2"), options.integer("tokens", 1000), options.path("out"));
        options.done();
    }

    private void run(double seconds, double warmup, int rounds, int[] threads, int tokenCount, Path out) throws Exception {
        log.print("Fujie token validation benchmark, %s, Java %s, %d cores", java.time.Instant.now(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        log.print("starter from %s; Spring Security from %s", BenchLog.origin(FujieJwtDecoders.class), BenchLog.origin(NimbusJwtDecoder.class));
        try (BenchTokens tokens = new BenchTokens(tokenCount)) {
            log.print("%,d ES256 tokens shaped as trust-service's, %,d bytes each; JWKS stand-in at %s", tokenCount,
                    tokens.tokens.get(0).length(), tokens.jwksUrl());
            JwtDecoder starter = FujieJwtDecoders.create(starterSettings(tokens), tokens.jwksUrl(), HttpClient.newHttpClient(),
                    Duration.ofSeconds(5), null);
            NimbusJwtDecoder spring = NimbusJwtDecoder.withJwkSetUri(tokens.jwksUrl().toString())
                    .jwsAlgorithm(SignatureAlgorithm.ES256).build();
            spring.setJwtValidator(JwtValidators.createDefaultWithIssuer(BenchTokens.ISSUER));
            ECPublicKey publicKey = tokens.key.toECPublicKey();

            log.print("");
            log.print("== Sanity check (outside the timed loop)");
            check("starter", starter, tokens);
            check("Spring Security", spring, tokens);
            if (SignedJWT.parse(tokens.tampered).verify(new ECDSAVerifier(publicKey))) {
                throw new IllegalStateException("the bare verifier accepted a changed token");
            }
            log.print("  bare Nimbus ES256 verify (Bouncy Castle): refuses the changed token");

            Contender fujie = new Contender("starter", () -> starter.decode(tokens.next()).getSubject() != null);
            Contender peer = new Contender("Spring", () -> spring.decode(tokens.next()).getSubject() != null);
            ECDSAVerifier verifier = new ECDSAVerifier(publicKey);
            // The ceiling is the fastest signature check here: Bouncy Castle's (the JDK's SunEC is several times slower).
            verifier.getJCAContext().setProvider(com.nimbusds.jose.crypto.bc.BouncyCastleProviderSingleton.getInstance());
            ClosedLoop.Operation bare = () -> SignedJWT.parse(tokens.next()).verify(verifier);
            HeadToHead headToHead = new HeadToHead(log, "tokens");
            log.print("");
            log.print("== Warm-up, 1 thread");
            headToHead.warmUp("decode", fujie, peer, warmup);
            ClosedLoop.measure("bare", bare, 1, warmup);
            List<String> rows = new ArrayList<>();
            for (int t : threads) {
                log.print("");
                log.print("== %d thread(s), %d rounds of %.1f s, alternating", t, rounds, seconds);
                HeadToHead.Result result = headToHead.rounds("", fujie, peer, t, rounds, seconds);
                ClosedLoop.Run ceiling = ClosedLoop.measure("bare", bare, t, seconds);
                log.print("  bare Nimbus verify %,.0f/s", ceiling.rate());
                rows.add(String.format(Locale.ROOT, "| %d | %s %,.0f | %.2f |", t, result.cells(), ceiling.rate(),
                        result.first().rate() / ceiling.rate()));
            }
            log.print("");
            log.print("JWKS fetched %d time(s) in all (once per decoder expected)", tokens.fetches());
            log.print("");
            log.print("| threads | starter tokens/s | p50 / p99 ms | Spring tokens/s | p50 / p99 ms | starter / Spring | other CPU (cores) | bare BC verify/s | starter / bare |");
            log.print("|---|---|---|---|---|---|---|---|---|");
            rows.forEach(row -> log.print("%s", row));
        }
        log.writeTo(out);
    }

    private static FujieClientProperties.Jwt starterSettings(BenchTokens tokens) {
        return new FujieClientProperties.Jwt(true, BenchTokens.ISSUER, BenchTokens.AUDIENCE, tokens.jwksUrl(), Duration.ofSeconds(30),
                List.of("ES256", "ES384", "RS256"), Duration.ofMinutes(5), Duration.ofSeconds(30), true,
                new FujieClientProperties.Introspection(false, Duration.ofSeconds(10), 10_000));
    }

    private void check(String name, JwtDecoder decoder, BenchTokens tokens) {
        if (!decoder.decode(tokens.tokens.get(0)).getSubject().startsWith("CN=Bench User")) {
            throw new IllegalStateException(name + " read the wrong subject");
        }
        for (String bad : Arrays.asList(tokens.tampered, tokens.expired)) {
            try {
                decoder.decode(bad);
                throw new IllegalStateException(name + " accepted a token it must refuse");
            } catch (JwtException expected) {
                // as it must
            }
        }
        log.print("  %s: accepts a good token, refuses a changed and an expired one", name);
    }
}
