package org.fujie.client.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.fujie.client.sdk.ca.CaClient;
import org.fujie.client.sdk.ca.CertificateAuthority;
import org.fujie.client.sdk.seal.NewSeal;
import org.fujie.client.sdk.seal.Seal;
import org.fujie.client.sdk.seal.SealClient;
import org.fujie.client.sdk.trust.Token;
import org.fujie.client.sdk.trust.TrustClient;
import org.fujie.service.security.Role;
import org.fujie.trust.auth.AccessTokens;
import org.fujie.trust.auth.LoginIdentity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A FujieConnection with a bearer token and no client certificate: the token from trust-service's certificate log-in,
 * its roles from trust-service's principals, accepted by ca-service and seal-service. Bad tokens are the typed 401,
 * and a token never goes out over plain HTTP.
 */
@ExtendWith(SdkServices.Resolver.class)
class BearerTokenSdkTests {

    private static SdkServices services;
    private static TestUser officer;

    @BeforeAll
    static void start(SdkServices running) {
        services = running;
        // Granted in trust-service only: ca-service and seal-service learn the roles from the token's roles claim.
        officer = services.user("CN=SDK Token Officer,O=Ministry", "user-auth", services.trustUrl(), "RA_OFFICER", "SEAL_ADMIN");
    }

    @Test
    void tokenWhenRolesComeFromTrustServicePrincipalsThenCaServiceAndSealServiceAnswer() {
        Token token = officer.login();
        assertThat(token.subject()).isEqualTo(officer.subject());

        FujieConnection withToken = bearer(services.caUrl(), token.accessToken());
        assertThat(new CaClient(withToken).authorities()).extracting(CertificateAuthority::id).contains("root", "issuing");

        SealClient seals = new SealClient(withToken.at(services.sealUrl()));
        Seal made = seals.create(new NewSeal("SDK令牌章", "北京市数据管理局", "CONTRACT", "EC-P256", null, List.of()));
        assertThat(made.status()).isEqualTo("PENDING");
        assertThat(made.madeBy()).contains("SDK Token Officer");
        assertThat(seals.seal(made.id()).id()).isEqualTo(made.id());
    }

    @Test
    void tokenWhenTrustServiceGrantsNothingThenForbiddenNotUnauthorized() {
        TestUser nobody = services.user("CN=SDK Token Nobody,O=Ministry", "user-auth", services.trustUrl());
        FujieConnection withToken = bearer(services.caUrl(), nobody.login().accessToken());
        assertThatThrownBy(() -> new CaClient(withToken).authorities()).isInstanceOfSatisfying(ForbiddenException.class,
                e -> assertThat(e.slug()).isEqualTo("forbidden"));
    }

    @Test
    void garbageTokenIsUnauthorizedAtCaServiceAndSealService() {
        FujieConnection garbage = bearer(services.caUrl(), "not.a.jwt");
        assertThatThrownBy(() -> new CaClient(garbage).authorities()).isInstanceOfSatisfying(UnauthorizedException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.slug()).isEqualTo("unauthorized");
        });
        assertThatThrownBy(() -> new SealClient(garbage.at(services.sealUrl())).list()).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void expiredTokenSignedByTrustServiceIsUnauthorized() {
        // trust-service's own token maker: a token never outlives its certificate, so one that ended an hour ago gives a
        // correctly signed token that expired an hour ago (past any clock skew allowance).
        LoginIdentity identity = new LoginIdentity(officer.subject(), officer.key().certificate().serialNumber(), "00", "AA", "Ministry",
                Set.of(Role.RA_OFFICER), Instant.now().minusSeconds(3600));
        String expired = services.trustServiceBean(AccessTokens.class).issue(identity).token();
        assertThatThrownBy(() -> new CaClient(bearer(services.caUrl(), expired)).authorities())
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.slug()).isEqualTo("unauthorized"));
    }

    @Test
    void tokenIsNeverSentOverPlainHttp() throws IOException {
        List<String> authorizations = new CopyOnWriteArrayList<>();
        HttpServer plain = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        plain.createContext("/", exchange -> answer(exchange, authorizations));
        plain.start();
        try {
            String url = "http://127.0.0.1:" + plain.getAddress().getPort();
            // Built for plain HTTP, and moved there from HTTPS (as the TSA beside trust-service's API is).
            bearer(url, "secret-token").get("/api/v1/cas", String[].class);
            bearer(services.caUrl(), "secret-token").at(url).get("/api/v1/cas", String[].class);
            new TrustClient(bearer(services.trustUrl(), "secret-token")).withTsa(url + "/tsa").timeStamp(new byte[] {0x30, 0x00});
        } finally {
            plain.stop(0);
        }
        assertThat(authorizations).hasSize(3).containsOnly("none");
    }

    private static void answer(HttpExchange exchange, List<String> authorizations) throws IOException {
        authorizations.add(exchange.getRequestHeaders().getOrDefault("Authorization", List.of("none")).get(0));
        exchange.getRequestBody().readAllBytes();
        byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static FujieConnection bearer(String url, String token) {
        return FujieConnection.builder(url).trustChain(services.trustChain()).bearerToken(token).retries(RetryPolicy.none())
                .userAgent("sdk-tests").build();
    }
}
