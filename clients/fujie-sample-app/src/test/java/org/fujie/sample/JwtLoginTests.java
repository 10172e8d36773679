package org.fujie.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample application as a resource server for Fujie JWTs, shaped as trust-service will issue them (ES256, kid,
 * typ JWT; iss, aud "fujie", sub, serial, fingerprint, org, roles, x5t#S256 and cnf), with keys from a STAND-IN JWKS
 * ({@link StandInJwks}) until trust-service's issuer lands; the real-login test follows when it does.
 */
class JwtLoginTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ISSUER = "https://127.0.0.1:8445";
    private static final String CAROL = "CN=Carol Wang,OU=Seal Office,O=Example Bureau";

    private static FujieStack fujie;
    private static StandInJwks jwks;
    private static RunningSampleApp app;
    private static FujieStack.Issued carol;
    private static ECKey current;

    @BeforeAll
    static void startTheStandInAndTheSampleApp() throws Exception {
        fujie = FujieStack.shared();
        FujieStack.Issued server = fujie.issue("tls-server", "CN=jwt-sample.intranet.example,O=Example Bureau",
                List.of("dns:localhost", "ip:127.0.0.1"));
        carol = fujie.issue("user-auth", CAROL, List.of());
        jwks = new StandInJwks(server);
        current = new ECKeyGenerator(Curve.P_256).keyID("key-1").generate();
        jwks.publish(List.of(current));
        app = RunningSampleApp.start(jwtOnlyArguments(server, jwks.baseUrl()));
    }

    /** Bearer tokens only (no mutual-TLS log-in, so no application certificate), trust-service played by the stand-in. */
    private static List<String> jwtOnlyArguments(FujieStack.Issued server, String trustServiceUrl) {
        return new ArrayList<>(List.of("--server.ssl.key-store=file:" + server.p12(),
                "--server.ssl.key-store-password=" + FujieStack.PASSWORD,
                "--server.ssl.trust-certificate=file:" + fujie.trustChain(),
                "--fujie.client.trust-service-url=" + trustServiceUrl,
                "--fujie.client.mtls.enabled=false",
                // No pause between fetches for unknown kids, so the order of these tests does not matter.
                "--fujie.client.jwt.jwks-refetch-interval=0s"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        if (jwks != null) {
            jwks.close();
        }
    }

    @Test
    void validTokenThen200WithItsSubjectAndRoles() {
        TestHttps.Answer answer = anonymous().get("/api/me", token(current, claims -> { }));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode me = JSON.readTree(answer.body());
        assertThat(me.get("subject").asString()).isEqualTo(CAROL);
        assertThat(me.get("organization").asString()).isEqualTo("Example Bureau");
        assertThat(me.get("serial").asString()).isEqualTo("1f2e3d");
        assertThat(me.get("roles").valueStream().map(JsonNode::asString).toList()).containsExactly("AUDITOR", "SEAL_KEEPER");
        assertThat(me.get("loginMethod").asString()).isEqualTo("BEARER_TOKEN");
    }

    @Test
    void tokenWithAChangedPayloadByteThen401() {
        String[] parts = token(current, claims -> { }).split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        String json = new String(payload, StandardCharsets.UTF_8);
        int at = json.indexOf("Carol");
        payload[at] = (byte) 'K'; // "Karol": one byte, the signature unchanged
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[2];

        assertRefused(anonymous().get("/api/me", forged), "signature");
    }

    @Test
    void tokenOfAnotherIssuerThen401() {
        assertRefused(anonymous().get("/api/me", token(current, claims -> claims.issuer("https://evil.example"))), "iss");
    }

    @Test
    void tokenForAnotherAudienceThen401() {
        assertRefused(anonymous().get("/api/me", token(current, claims -> claims.audience("another-app"))), "aud");
    }

    @Test
    void expiredTokenThen401() {
        Instant issued = Instant.now().minus(Duration.ofMinutes(15));
        String expired = token(current, claims -> claims.issueTime(Date.from(issued)).notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofMinutes(10)))));

        assertRefused(anonymous().get("/api/me", expired), "expired");
    }

    @Test
    void tokenWithUnknownKidThen401() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("not-published").generate();

        assertRefused(anonymous().get("/api/me", token(stranger, claims -> { })), "no matching key");
    }

    @Test
    void tokenSignedWithHmacOverThePublishedKeyIdThen401() throws Exception {
        // Algorithm confusion: HS256 with a secret the attacker chose, naming a published kid.
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(current.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims(claims -> { }).build());
        forged.sign(new MACSigner(secret));

        assertRefused(anonymous().get("/api/me", forged.serialize()), "no matching key");
    }

    @Test
    void unsignedTokenThen401() {
        assertRefused(anonymous().get("/api/me", new PlainJWT(claims(claims -> { }).build()).serialize()), "algorithm of none");
    }

    @Test
    void afterJwksRotationTokenOfTheNewKeyIsAcceptedAndTheOldKeyDuringTheOverlap() throws Exception {
        String beforeRotation = token(current, claims -> { });
        assertThat(anonymous().get("/api/me", beforeRotation).status()).isEqualTo(200);
        // The new key is of another type (RSA): the starter takes whatever algorithm the key of the kid fits.
        RSAKey next = new RSAKeyGenerator(2048).keyID("key-2").generate();
        jwks.publish(List.of(current, next));
        int fetchesBefore = jwks.fetches();

        TestHttps.Answer withNewKey = anonymous().get("/api/me", token(next, claims -> { }));

        assertThat(withNewKey.status()).as(withNewKey.body()).isEqualTo(200);
        assertThat(jwks.fetches()).as("the unknown kid made the starter fetch the key set again").isGreaterThan(fetchesBefore);
        assertThat(anonymous().get("/api/me", beforeRotation).status()).isEqualTo(200);
    }

    @Test
    void certificateBoundTokenWithItsCertificateThen200AndWithoutThen401() throws Exception {
        String x5t = thumbprint(carol);
        String bound = token(current, claims -> claims.claim("x5t#S256", x5t).claim("cnf", Map.of("x5t#S256", x5t)));

        TestHttps.Answer withCertificate = TestHttps.withCertificate(app.baseUrl(), fujie.trustChain(), carol.p12(),
                FujieStack.PASSWORD).get("/api/me", bound);
        TestHttps.Answer withoutCertificate = anonymous().get("/api/me", bound);

        assertThat(withCertificate.status()).as(withCertificate.body()).isEqualTo(200);
        assertThat(JSON.readTree(withCertificate.body()).get("loginMethod").asString()).isEqualTo("BEARER_TOKEN");
        assertRefused(withoutCertificate, "X509Certificate");
    }

    @Test
    void tokenWhenJwksUnreachableThen503() throws Exception {
        FujieStack.Issued server = fujie.issue("tls-server", "CN=cut-off.intranet.example,O=Example Bureau",
                List.of("dns:localhost", "ip:127.0.0.1"));
        try (RunningSampleApp cutOff = RunningSampleApp.start(
                jwtOnlyArguments(server, "https://localhost:" + FujieStack.freePort()))) {
            TestHttps.Answer answer = TestHttps.withoutCertificate(cutOff.baseUrl(), fujie.trustChain())
                    .get("/api/me", token(current, claims -> { }));

            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(JSON.readTree(answer.body()).get("type").asString()).isEqualTo("urn:fujie:problem:trust-service-unavailable");
        }
    }

    private static void assertRefused(TestHttps.Answer answer, String reason) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:fujie:problem:unauthorized");
        assertThat(problem.get("detail").asString()).startsWith("the bearer token was refused");
        assertThat(problem.get("detail").asString()).containsIgnoringCase(reason);
    }

    private static TestHttps anonymous() {
        return TestHttps.withoutCertificate(app.baseUrl(), fujie.trustChain());
    }

    /** The claims trust-service's issuer will write, changed as the test asks. */
    private static JWTClaimsSet.Builder claims(Consumer<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience("fujie").subject(CAROL)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString()).claim("serial", "1f2e3d").claim("fingerprint", "ab".repeat(32))
                .claim("org", "Example Bureau").claim("roles", List.of("SEAL_KEEPER", "AUDITOR"));
        change.accept(claims);
        return claims;
    }

    private static String token(JWK key, Consumer<JWTClaimsSet.Builder> change) {
        try {
            JWSAlgorithm algorithm = key instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
            JWSSigner signer = key instanceof RSAKey rsa ? new RSASSASigner(rsa) : new ECDSASigner((ECKey) key);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                    claims(change).build());
            jwt.sign(signer);
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** x5t#S256: base64url of the SHA-256 of the certificate's DER (RFC 8705). */
    private static String thumbprint(FujieStack.Issued certificate) throws Exception {
        X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(certificate.certificatePem().getBytes(StandardCharsets.US_ASCII)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(parsed.getEncoded()));
    }
}
