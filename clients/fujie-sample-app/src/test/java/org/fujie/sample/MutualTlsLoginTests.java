package org.fujie.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real log-in through the starter: ca-service issues the application's and the users' certificates, trust-service
 * checks them online, the sample application runs on HTTPS with client certificates wanted, and real HTTPS clients
 * (the JDK's and curl) present the users' certificates.
 */
class MutualTlsLoginTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ALICE = "CN=Alice Zhang,OU=Registration,O=Example Bureau";

    private static FujieStack fujie;
    private static RunningSampleApp app;
    private static FujieStack.Issued alice;
    private static FujieStack.Issued revoked;

    @BeforeAll
    static void startFujieAndTheSampleApp() {
        fujie = FujieStack.shared();
        FujieStack.Issued server = fujie.issue("tls-server", "CN=sample.intranet.example,O=Example Bureau",
                List.of("dns:localhost", "ip:127.0.0.1"));
        FujieStack.Issued application = fujie.issue("tls-client", "CN=Sample App,OU=Applications,O=Example Bureau", List.of());
        fujie.grantApp(application);
        alice = fujie.issue("user-auth", ALICE, List.of());
        revoked = fujie.issue("user-auth", "CN=Bob Li,O=Example Bureau", List.of());
        // Revoked before anyone asks about it, as a stolen USB key would be.
        fujie.revoke(revoked);
        List<String> arguments = fujie.sampleAppArguments(server, application);
        arguments.addAll(List.of("--fujie.client.mtls.role-grants[0].organization=Example Bureau",
                "--fujie.client.mtls.role-grants[0].roles[0]=STAFF",
                "--fujie.client.mtls.role-grants[1].subject=" + ALICE,
                "--fujie.client.mtls.role-grants[1].roles[0]=EDITOR"));
        app = RunningSampleApp.start(arguments);
    }

    @AfterAll
    static void stopTheSampleApp() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void loginWithUserCertificateThen200WithSubjectAndRoles() {
        TestHttps.Answer answer = as(alice).get("/api/me");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode me = JSON.readTree(answer.body());
        assertThat(me.get("subject").asString()).isEqualTo(ALICE);
        assertThat(me.get("organization").asString()).isEqualTo("Example Bureau");
        assertThat(me.get("serial").asString()).isEqualTo(alice.serial());
        assertThat(me.get("fingerprint").asString()).matches("[0-9a-f]{64}");
        assertThat(me.get("roles").valueStream().map(JsonNode::asString).toList()).containsExactly("EDITOR", "STAFF");
        assertThat(me.get("loginMethod").asString()).isEqualTo("MUTUAL_TLS");
    }

    @Test
    void greetingPageWithUserCertificateThenHtmlNamingTheUser() {
        TestHttps.Answer answer = as(alice).get("/");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body()).contains("Hello, " + ALICE).contains("<dd id=\"organization\">Example Bureau</dd>")
                .contains("<dd id=\"roles\">EDITOR, STAFF</dd>").contains("mutual TLS").doesNotContain("<script");
    }

    @Test
    void loginWhenCertificateRevokedThen401() {
        TestHttps.Answer answer = as(revoked).get("/api/me");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:fujie:problem:unauthorized");
        assertThat(problem.get("detail").asString()).contains("REVOKED");
    }

    @Test
    void loginWithoutCertificateThen401() {
        TestHttps.Answer answer = TestHttps.withoutCertificate(app.baseUrl(), fujie.trustChain()).get("/api/me");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(JSON.readTree(answer.body()).get("type").asString()).isEqualTo("urn:fujie:problem:unauthorized");
    }

    @Test
    void loginWhenTrustServiceUnreachableThen503() {
        // A second instance of the application whose trust-service is a port nobody listens on: it must fail closed.
        List<String> arguments = new ArrayList<>(sampleArgumentsOf(app));
        arguments.add("--fujie.client.trust-service-url=https://localhost:" + FujieStack.freePort());
        arguments.add("--fujie.client.connect-timeout=2s");
        try (RunningSampleApp cutOff = RunningSampleApp.start(arguments)) {
            TestHttps.Answer answer = TestHttps.withCertificate(cutOff.baseUrl(), fujie.trustChain(), alice.p12(),
                    FujieStack.PASSWORD).get("/api/me");

            assertThat(answer.status()).isEqualTo(503);
            JsonNode problem = JSON.readTree(answer.body());
            assertThat(problem.get("type").asString()).isEqualTo("urn:fujie:problem:trust-service-unavailable");
            assertThat(problem.get("detail").asString()).contains("trust-service");
        }
    }

    @Test
    void curlWithUserCertificateThen200() throws Exception {
        Curl curl = curl("--cert-type", "P12", "--cert", alice.p12() + ":" + FujieStack.PASSWORD);

        assertThat(curl.exitCode()).as(curl.output()).isZero();
        assertThat(curl.output()).startsWith("200 ");
        assertThat(JSON.readTree(curl.output().substring(4)).get("subject").asString()).isEqualTo(ALICE);
    }

    @Test
    void curlWithUntrustedSelfSignedCertificateFailsTheHandshake() throws Exception {
        Path key = fujie.file("mallory.key");
        Path certificate = fujie.file("mallory.crt");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-subj", "/O=Example Bureau/CN=Alice Zhang", "-days", "1", "-keyout", key.toString(),
                "-out", certificate.toString()).redirectErrorStream(true).start();
        assertThat(openssl.waitFor(30, TimeUnit.SECONDS) && openssl.exitValue() == 0).isTrue();

        Curl mallory = curl("--cert", certificate.toString(), "--key", key.toString());
        Curl anonymous = curl();

        // The application's TLS chains client certificates to Fujie's CAs: this one never reaches it.
        assertThat(mallory.exitCode()).as(mallory.output()).isIn(35, 56);
        // The same request without the certificate is answered (401): it was the certificate that failed.
        assertThat(anonymous.exitCode()).isZero();
        assertThat(anonymous.output()).startsWith("401 ");
    }

    private static List<String> sampleArgumentsOf(RunningSampleApp running) {
        var environment = running.bean(org.springframework.core.env.Environment.class);
        return List.of("--server.ssl.key-store=" + environment.getProperty("server.ssl.key-store"),
                "--server.ssl.key-store-password=" + FujieStack.PASSWORD,
                "--server.ssl.trust-certificate=" + environment.getProperty("server.ssl.trust-certificate"),
                "--fujie.client.key-store=" + environment.getProperty("fujie.client.key-store"),
                "--fujie.client.key-store-password=" + FujieStack.PASSWORD);
    }

    private static TestHttps as(FujieStack.Issued user) {
        return TestHttps.withCertificate(app.baseUrl(), fujie.trustChain(), user.p12(), FujieStack.PASSWORD);
    }

    record Curl(int exitCode, String output) {
    }

    /** curl GET /api/me; output is "<status> <body>". */
    private static Curl curl(String... certificateOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--cacert", fujie.trustChain().toString(),
                "-w", "%{http_code}", "-o", fujie.file("curl-body").toString()));
        command.addAll(List.of(certificateOptions));
        command.add(app.baseUrl() + "/api/me");
        Files.deleteIfExists(fujie.file("curl-body"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String statusAndErrors = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String body = Files.exists(fujie.file("curl-body")) ? Files.readString(fujie.file("curl-body")) : "";
        return new Curl(process.exitValue(), statusAndErrors.strip() + " " + body);
    }
}
