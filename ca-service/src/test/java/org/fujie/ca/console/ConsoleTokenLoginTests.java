package org.fujie.ca.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import org.fujie.ca.support.ConsoleClient;
import org.fujie.ca.support.RunningCaService;
import org.fujie.ca.support.TestCertificates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Log-in to the console with a trust-service access token pasted into the form: checked as the API checks bearer
 * tokens (keys from the JWKS, issuer, audience, expiry), then kept in a new session (the id changes), audited, ended by
 * log-out. A stand-in JWKS over HTTPS (certificate from this ca-service) plays trust-service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleTokenLoginTests {

    private static final String SUBJECT = "CN=Token Auditor,O=Fujie Tests";

    private HttpsServer jwks;
    private RunningCaService ca;
    private ECKey signingKey;

    @BeforeAll
    void start() throws Exception {
        signingKey = new ECKeyGenerator(Curve.P_256).keyID("console-test").generate();
        jwks = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] keySet = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, keySet.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(keySet);
            }
        });
        // The keys are fetched at the first token, so the server can get its certificate from the service it serves.
        ca = RunningCaService.start(Map.of("fujie.auth.jwks-uri",
                "https://localhost:" + jwks.getAddress().getPort() + "/.well-known/jwks.json"));
        jwks.setHttpsConfigurator(new HttpsConfigurator(tlsServer()));
        jwks.start();
    }

    @AfterAll
    void stop() {
        ca.close();
        jwks.stop(0);
    }

    private SSLContext tlsServer() throws Exception {
        TestCertificates.Issued server = TestCertificates.tlsServerForLocalhost(ca, "stand-in");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new java.io.ByteArrayInputStream(server.pkcs12())) {
            store.load(in, server.password());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, server.password());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        return tls;
    }

    private String token(String audience) throws Exception {
        return token(audience, 300);
    }

    private String token(String audience, int lifetimeSeconds) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("https://127.0.0.1:8445").audience(audience).subject(SUBJECT)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(lifetimeSeconds)))
                .claim("roles", List.of("AUDITOR")).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(signingKey.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(signingKey));
        return jwt.serialize();
    }

    @Test
    void tokenWhenPastedThenLoggedInInANewSessionWithTheTokensRolesUntilLoggedOut() throws Exception {
        ConsoleClient browser = ConsoleClient.anonymous(ca);
        assertThat(browser.get("/console/login").body()).contains("name=\"token\"");
        String before = browser.cookie("JSESSIONID");
        assertThat(before).as("the form's CSRF token lives in a session").isNotNull();

        ConsoleClient.Page login = browser.post("/console/login", Map.of("token", token("fujie")));

        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).endsWith("/console/");
        assertThat(browser.cookie("JSESSIONID")).isNotNull().isNotEqualTo(before);
        ConsoleClient.Page audit = browser.get("/console/audit");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body()).contains(SUBJECT, "console.login");
        assertThat(browser.get("/console/certificates/new").status()).isEqualTo(403);

        assertThat(browser.post("/console/logout", Map.of()).location()).endsWith("/console/login?logout");
        assertThat(browser.get("/console/audit").location()).endsWith("/console/login");
    }

    @Test
    void sessionWhenItsTokenExpiresThenLoggedOut() throws Exception {
        ConsoleClient browser = ConsoleClient.anonymous(ca);
        browser.get("/console/login");
        assertThat(browser.post("/console/login", Map.of("token", token("fujie", 2))).location()).endsWith("/console/");
        assertThat(browser.get("/console/audit").status()).isEqualTo(200);

        Thread.sleep(2_500);

        assertThat(browser.get("/console/audit").location()).endsWith("/console/login");
    }

    @Test
    void tokenWhenForAnotherAudienceOrGarbageThenRefusedAndNotLoggedIn() throws Exception {
        for (String bad : new String[] {token("another-service"), "not.a.token"}) {
            ConsoleClient browser = ConsoleClient.anonymous(ca);
            browser.get("/console/login");

            ConsoleClient.Page refused = browser.post("/console/login", Map.of("token", bad));

            assertThat(refused.location()).endsWith("/console/login?error");
            assertThat(browser.get("/console/").location()).endsWith("/console/login");
        }
    }

    @Test
    void tokenFormWhenPostedWithoutTheCsrfTokenThenRefused() throws Exception {
        ConsoleClient.Page refused = ConsoleClient.anonymous(ca).postWithoutToken("/console/login", Map.of("token", token("fujie")));

        assertThat(refused.status()).isEqualTo(403);
    }
}
