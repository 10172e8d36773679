package org.fujie.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.fujie.ca.support.FujieTestClient;
import org.fujie.pki.OpenSsl;
import org.fujie.pki.x509.Pem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;

/**
 * Certificate log-in for intranet applications against a real ca-service (issuing, revoking, answering OCSP) and
 * trust-service: the flow driven by curl and openssl, tokens checked by openssl, failures refused, tokens used as
 * bearer credentials in trust-service and ca-service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CertificateLoginTests {

    private RunningTrustService services;
    private FujieTestClient caAdmin;
    private FujieTestClient trustAnonymous;

    @BeforeAll
    void start() {
        // The remote key set every other service checks tokens against, as Compose and Kubernetes give every service:
        // trust-service must still check its tokens against its own keys (the address leads nowhere).
        services = RunningTrustService.start(Map.of("fujie.auth.max-failures-per-subject", "3",
                "fujie.auth.max-failures-per-address", "1000",
                "fujie.auth.jwks-uri", "https://127.0.0.1:9/.well-known/jwks.json"));
        caAdmin = services.ca.admin();
        trustAnonymous = FujieTestClient.anonymous(services.trustUrl, services.ca.trustChain());
    }

    @AfterAll
    void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void loginWhenCurlAndOpensslAnswerTheChallengeThenTokenWhoseSignatureOpensslVerifies(@TempDir Path dir) throws Exception {
        LoginUsers.User user = LoginUsers.issue(caAdmin, "CN=Zhang Wei,O=Ministry of Finance", "user-auth", "EC-P256");
        OpenSsl openssl = new OpenSsl(dir);
        openssl.write("user.p12", user.pkcs12());
        openssl.run("pkcs12", "-in", "user.p12", "-passin", "pass:" + LoginUsers.PASSWORD, "-nodes", "-out", "user.pem");
        openssl.run("pkey", "-in", "user.pem", "-out", "user.key");

        JsonNode challenge = curl(openssl, "-X", "POST", "-D", "challenge-headers.txt", services.trustUrl + "/api/v1/auth/challenge");
        openssl.write("nonce.txt", challenge.get("nonce").asString());
        openssl.run("dgst", "-sha256", "-sign", "user.key", "-out", "nonce.sig", "nonce.txt");
        String signature = Base64.getEncoder().encodeToString(openssl.readBytes("nonce.sig"));
        openssl.write("answer.json", FujieTestClient.JSON.writeValueAsString(Map.of("challengeId", challenge.get("challengeId").asString(),
                "certificatePem", user.certificatePem(), "signature", signature)));
        JsonNode token = curl(openssl, "-X", "POST", "-H", "Content-Type: application/json", "--data-binary", "@answer.json",
                "-D", "token-headers.txt", services.trustUrl + "/api/v1/auth/token");
        for (String headers : List.of("challenge-headers.txt", "token-headers.txt")) {
            assertThat(Files.readString(openssl.path(headers)).toLowerCase(java.util.Locale.ROOT))
                    .as("the answer leaves in one piece (WholeAnswers)").contains("content-length: ").doesNotContain("chunked")
                    .contains("cache-control: no-store").contains("strict-transport-security");
        }

        assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.get("subject").asString()).isEqualTo(user.subject());
        assertThat(token.get("expires_in").asLong()).isEqualTo(600L);
        String jwt = token.get("access_token").asString();
        String[] parts = jwt.split("\\.");
        JsonNode header = FujieTestClient.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = FujieTestClient.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.get("alg").asString()).isEqualTo("ES256");
        assertThat(claims.get("sub").asString()).isEqualTo(user.subject());
        assertThat(claims.get("serial").asString()).isEqualTo(user.serial());
        assertThat(claims.get("org").asString()).isEqualTo("Ministry of Finance");
        assertThat(claims.get("aud").toString()).contains("fujie");
        assertThat(claims.get("fingerprint").asString()).hasSize(64);
        assertThat(claims.get("x5t#S256").asString()).hasSize(43);
        assertThat(claims.has("cnf")).as("not bound to the user's TLS connections").isFalse();
        assertThat(claims.get("roles").isArray()).isTrue();

        // The published key, written as PEM, and openssl checks the JWS signature (r||s turned back into DER).
        JsonNode jwks = curl(openssl, services.trustUrl + "/.well-known/jwks.json");
        assertThat(jwks.toString()).doesNotContain("\"d\"");
        ECKey key = JWKSet.parse(jwks.toString()).getKeyByKeyId(header.get("kid").asString()).toECKey();
        openssl.write("token-key.pem", Pem.encode("PUBLIC KEY", key.toECPublicKey().getEncoded()));
        openssl.write("signing-input.txt", parts[0] + "." + parts[1]);
        byte[] raw = Base64.getUrlDecoder().decode(parts[2]);
        openssl.write("token.sig", new DERSequence(new ASN1Integer[] {new ASN1Integer(new BigInteger(1, Arrays.copyOf(raw, 32))),
                new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 32, 64)))}).getEncoded());
        assertThat(openssl.run("dgst", "-sha256", "-verify", "token-key.pem", "-signature", "token.sig", "signing-input.txt"))
                .contains("Verified OK");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EC-P384", "RSA-2048", "Ed25519", "SM2"})
    void loginWhenAnyAlgorithmOfTheContractThenToken(String algorithm) {
        LoginUsers.User user = LoginUsers.issue(caAdmin, "CN=User " + algorithm + ",O=Ministry", "user-auth", algorithm);

        FujieTestClient.Response answer = login(user);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("subject").asString()).isEqualTo(user.subject());
    }

    @Test
    void loginWhenCertificateRevokedThen401() {
        LoginUsers.User user = LoginUsers.issue(caAdmin, "CN=Revoked User,O=Ministry", "user-auth", "EC-P256");
        assertThat(caAdmin.post("/api/v1/certificates/" + user.serial() + "/revoke", Map.of("reason", "keyCompromise")).status())
                .isEqualTo(200);

        FujieTestClient.Response answer = login(user);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:fujie:problem:login-failed");
        assertThat(answer.json().get("detail").asString()).contains("REVOKED");
    }

    @Test
    void loginWhenChallengeReplayedThen401() {
        LoginUsers.User user = LoginUsers.issue(caAdmin, "CN=Replayed,O=Ministry", "user-auth", "EC-P256");
        JsonNode challenge = trustAnonymous.post("/api/v1/auth/challenge", Map.of()).json();
        Map<String, Object> answer = user.answer(challenge.get("challengeId").asString(), user.sign(challenge.get("nonce").asString()));

        assertThat(trustAnonymous.post("/api/v1/auth/token", answer).status()).isEqualTo(200);
        FujieTestClient.Response replay = trustAnonymous.post("/api/v1/auth/token", answer);

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().get("detail").asString()).contains("the challenge was answered before");
    }

    @Test
    void loginWhenSignatureOverAnotherNonceOrUntrustedOrWrongPurposeThen401() {
        LoginUsers.User user = LoginUsers.issue(caAdmin, "CN=Careless,O=Ministry", "user-auth", "EC-P256");
        JsonNode challenge = trustAnonymous.post("/api/v1/auth/challenge", Map.of()).json();
        FujieTestClient.Response wrongNonce = trustAnonymous.post("/api/v1/auth/token",
                user.answer(challenge.get("challengeId").asString(), user.sign("another nonce")));
        assertThat(wrongNonce.status()).isEqualTo(401);
        assertThat(wrongNonce.json().get("detail").asString()).contains("does not verify");
        FujieTestClient.Response rightAfterWrong = trustAnonymous.post("/api/v1/auth/token",
                user.answer(challenge.get("challengeId").asString(), user.sign(challenge.get("nonce").asString())));
        assertThat(rightAfterWrong.status()).as("a failed answer uses the challenge up").isEqualTo(401);
        assertThat(rightAfterWrong.json().get("detail").asString()).contains("answered before");

        // A document-signing certificate proves the key but is not for client authentication.
        LoginUsers.User signer = LoginUsers.issue(caAdmin, "CN=Document Signer,O=Ministry", "document-signing", "EC-P256");
        FujieTestClient.Response wrongPurpose = login(signer);
        assertThat(wrongPurpose.status()).isEqualTo(401);
        assertThat(wrongPurpose.json().get("detail").asString()).contains("TLS_CLIENT");

        FujieTestClient.Response garbage = trustAnonymous.post("/api/v1/auth/token", Map.of("challengeId",
                trustAnonymous.post("/api/v1/auth/challenge", Map.of()).json().get("challengeId").asString(),
                "certificatePem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", "signature", "AAAA"));
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.json().get("type").asString()).isEqualTo("urn:fujie:problem:login-failed");

        assertThat(trustAnonymous.post("/api/v1/auth/token", Map.of("challengeId", "x")).json().get("type").asString())
                .isEqualTo("urn:fujie:problem:login-request-invalid");
        JsonNode failures = services.admin.get("/api/v1/audit?action=login.failure").json();
        assertThat(failures.get("total").asLong()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void loginWhenSubjectFailedTooOftenThen429EvenWithTheRightSignature() {
        LoginUsers.User user = LoginUsers.issue(caAdmin, "CN=Guessed At,O=Ministry", "user-auth", "EC-P256");
        for (int i = 0; i < 3; i++) {
            JsonNode challenge = trustAnonymous.post("/api/v1/auth/challenge", Map.of()).json();
            assertThat(trustAnonymous.post("/api/v1/auth/token", user.answer(challenge.get("challengeId").asString(),
                    user.sign("guess " + i))).status()).isEqualTo(401);
        }

        FujieTestClient.Response refused = login(user);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:fujie:problem:login-throttled");
    }

    @Test
    void tokenWhenUsedAsBearerThenRolesApplyInTrustServiceAndCaService() {
        LoginUsers.User user = LoginUsers.issue(caAdmin, "CN=Relying Clerk,O=Ministry", "user-auth", "EC-P256");
        assertThat(services.admin.put("/api/v1/principals", Map.of("subject", user.subject(), "roles", List.of("APP"))).status())
                .isEqualTo(200);
        String token = login(user).json().get("access_token").asString();
        FujieTestClient bearer = trustAnonymous.withBearer(token);

        FujieTestClient.Response validated = bearer.post("/api/v1/certificates/validate", Map.of("certificatePem", user.certificatePem()));
        assertThat(validated.status()).as(validated.body()).isEqualTo(200);
        assertThat(validated.json().get("valid").asBoolean()).isTrue();
        assertThat(bearer.get("/api/v1/trust-anchors").status()).isEqualTo(200);
        assertThat(bearer.get("/api/v1/principals").status()).isEqualTo(403);
        assertThat(bearer.post("/api/v1/trust-anchors", Map.of()).status()).isEqualTo(403);

        FujieTestClient caBearer = bearer.at(services.ca.baseUrl());
        assertThat(caBearer.get("/api/v1/certificates").status()).isEqualTo(403);
        assertThat(caBearer.get("/api/v1/cas").status()).as("APP reads CAs at /pki/ca, not the API").isEqualTo(403);
        assertThat(services.ca.anonymous().get("/api/v1/cas").status()).isEqualTo(401);
    }

    @Test
    void tokenWhenPayloadChangedThen401InEveryService() {
        LoginUsers.User user = LoginUsers.issue(caAdmin, "CN=Forger,O=Ministry", "user-auth", "EC-P256");
        String token = login(user).json().get("access_token").asString();
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"roles\":[]", "\"roles\":[\"ADMIN\"]");
        assertThat(claims).contains("ADMIN");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        FujieTestClient.Response trust = trustAnonymous.withBearer(forged).get("/api/v1/principals");
        FujieTestClient.Response ca = services.ca.anonymous().withBearer(forged).get("/api/v1/principals");

        assertThat(trust.status()).isEqualTo(401);
        assertThat(trust.json().get("type").asString()).isEqualTo("urn:fujie:problem:unauthorized");
        assertThat(ca.status()).isEqualTo(401);
    }

    @Test
    void logoutWhenDoneThenTokenRefusedAndIntrospectionSaysInactive() {
        LoginUsers.User user = LoginUsers.issue(caAdmin, "CN=Leaving,O=Ministry", "user-auth", "EC-P256");
        assertThat(services.admin.put("/api/v1/principals", Map.of("subject", user.subject(), "roles", List.of("AUDITOR"))).status())
                .isEqualTo(200);
        String token = login(user).json().get("access_token").asString();
        FujieTestClient bearer = trustAnonymous.withBearer(token);
        assertThat(bearer.get("/api/v1/audit/verify").status()).isEqualTo(200);
        assertThat(bearer.at(services.ca.baseUrl()).get("/api/v1/cas").status()).as("the token's roles count in ca-service").isEqualTo(200);
        JsonNode active = introspect(token);
        assertThat(active.get("active").asBoolean()).isTrue();
        assertThat(active.get("sub").asString()).isEqualTo(user.subject());
        assertThat(active.get("roles").toString()).contains("AUDITOR");

        assertThat(bearer.post("/api/v1/auth/logout", Map.of()).status()).isEqualTo(204);

        assertThat(bearer.get("/api/v1/audit/verify").status()).isEqualTo(401);
        assertThat(introspect(token).toString()).isEqualTo("{\"active\":false}");
        assertThat(introspect("not a token").get("active").asBoolean()).isFalse();
        assertThat(services.admin.get("/api/v1/audit?action=logout").json().get("total").asLong()).isGreaterThanOrEqualTo(1);
    }

    private JsonNode introspect(String token) {
        return FujieTestClient.JSON.readTree(services.admin.postForm("/api/v1/auth/introspect", Map.of("token", token)).body());
    }

    private FujieTestClient.Response login(LoginUsers.User user) {
        JsonNode challenge = trustAnonymous.post("/api/v1/auth/challenge", Map.of()).json();
        return trustAnonymous.post("/api/v1/auth/token",
                user.answer(challenge.get("challengeId").asString(), user.sign(challenge.get("nonce").asString())));
    }

    /** curl with the user's certificate (mutual TLS) and Fujie's chain; the answer must be 200 JSON. */
    private JsonNode curl(OpenSsl openssl, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("curl", "-sS", "--fail-with-body", "--cacert",
                services.ca.trustChain().toString(), "--cert", openssl.path("user.pem").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(openssl.path(".").toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return FujieTestClient.JSON.readTree(output);
    }
}
