package org.fujie.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.fujie.ca.support.FujieTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole log-in, nothing stood in: a user's certificate from ca-service answers trust-service's challenge, the token
 * trust-service signs is taken by the sample application through the starter (keys from trust-service's JWKS), a
 * changed token is refused, and after log-out the application, asking trust-service by introspection, refuses it too.
 */
class RealLoginTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DANA = "CN=Dana Wu,OU=Audit,O=Example Bureau";

    private static FujieStack fujie;
    private static RunningSampleApp app;
    private static PrivateKey danaKey;
    private static String danaCertificate;

    @BeforeAll
    static void startTheSampleApp() throws Exception {
        fujie = FujieStack.shared();
        FujieStack.Issued server = fujie.issue("tls-server", "CN=real-login.intranet.example,O=Example Bureau",
                List.of("dns:localhost", "ip:127.0.0.1"));
        FujieStack.Issued application = fujie.issue("tls-client", "CN=Real Login App,OU=Applications,O=Example Bureau", List.of());
        fujie.grantApp(application);
        FujieStack.Issued dana = fujie.issue("user-auth", DANA, List.of());
        danaCertificate = dana.certificatePem();
        danaKey = privateKey(dana);
        assertThat(fujie.trustAdmin.put("/api/v1/principals", Map.of("subject", DANA, "roles", List.of("AUDITOR"))).status())
                .isEqualTo(200);
        List<String> arguments = fujie.sampleAppArguments(server, application);
        arguments.addAll(List.of("--fujie.client.jwt.introspection.enabled=true", "--fujie.client.jwt.introspection.cache-ttl=0s"));
        app = RunningSampleApp.start(arguments);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void tokenFromTrustServiceLoginThen200WithTheUserAndTheRolesTrustServiceGrants() {
        String token = login();

        TestHttps.Answer answer = browser().get("/api/me", token);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode me = JSON.readTree(answer.body());
        assertThat(me.get("subject").asString()).isEqualTo(DANA);
        assertThat(me.get("organization").asString()).isEqualTo("Example Bureau");
        assertThat(me.get("roles").valueStream().map(JsonNode::asString).toList()).contains("AUDITOR");
        assertThat(me.get("loginMethod").asString()).isEqualTo("BEARER_TOKEN");
    }

    @Test
    void tokenWithAChangedPayloadThen401() {
        String[] parts = login().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("AUDITOR", "ADMIN");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        TestHttps.Answer answer = browser().get("/api/me", forged);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(JSON.readTree(answer.body()).get("type").asString()).isEqualTo("urn:fujie:problem:unauthorized");
    }

    @Test
    void tokenAfterLogoutThen401BecauseTheAppAsksTrustService() {
        String token = login();
        assertThat(browser().get("/api/me", token).status()).isEqualTo(200);

        FujieTestClient.Response logout = FujieTestClient.anonymous(fujie.trustUrl, fujie.trustChain()).withBearer(token)
                .post("/api/v1/auth/logout", Map.of());
        assertThat(logout.status()).isEqualTo(204);

        assertThat(browser().get("/api/me", token).status()).isEqualTo(401);
    }

    private static TestHttps browser() {
        return TestHttps.withoutCertificate(app.baseUrl(), fujie.trustChain());
    }

    /** As an intranet application's front end does it: challenge, the user's key signs the nonce, token. */
    private static String login() {
        FujieTestClient trust = FujieTestClient.anonymous(fujie.trustUrl, fujie.trustChain());
        JsonNode challenge = trust.post("/api/v1/auth/challenge", Map.of()).json();
        FujieTestClient.Response token = trust.post("/api/v1/auth/token", Map.of("challengeId", challenge.get("challengeId").asString(),
                "certificatePem", danaCertificate, "signature", sign(challenge.get("nonce").asString())));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return token.json().get("access_token").asString();
    }

    private static String sign(String nonce) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(danaKey);
            signer.update(nonce.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey(FujieStack.Issued issued) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(issued.p12())) {
            store.load(in, FujieStack.PASSWORD.toCharArray());
        }
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return (PrivateKey) store.getKey(alias, FujieStack.PASSWORD.toCharArray());
            }
        }
        throw new IllegalStateException("no key in " + issued.p12());
    }
}
