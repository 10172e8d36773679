package org.fujie.ca.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import org.bouncycastle.cert.ocsp.OCSPResp;
import org.fujie.ca.support.EmbeddedCaServiceTest;
import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.PublicHttp;
import org.fujie.pki.OpenSsl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The OCSP responder on the plain-HTTP port, judged by `openssl ocsp`. */
class OcspResponderTests extends EmbeddedCaServiceTest {

    @TempDir
    Path dir;
    private OpenSsl openssl;

    @BeforeEach
    void files() {
        openssl = new OpenSsl(dir);
        openssl.write("issuing.pem", caPem("issuing"));
        openssl.write("root.pem", caPem("root"));
    }

    @Test
    void ocspWhenCertificateValidThenGoodAndTheResponseVerifies() {
        issueTo("leaf.pem", "CN=OCSP Good");

        String output = ocsp("-issuer", "issuing.pem", "-cert", "leaf.pem");

        assertThat(output).contains("Response verify OK").contains("leaf.pem: good").contains("Next Update:");
        assertThat(ocsp("-issuer", "issuing.pem", "-cert", "leaf.pem", "-no_nonce")).contains("Response verify OK", "leaf.pem: good");
    }

    @Test
    void ocspWhenRevokedThenRevokedWithTimeAndReasonAtOnce() {
        String serial = issueTo("leaf.pem", "CN=OCSP Revoked");
        ocsp("-issuer", "issuing.pem", "-cert", "leaf.pem", "-no_nonce"); // cached as good first

        FujieTestClient.Response revoked = ca.admin().post("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "keyCompromise"));
        assertThat(revoked.status()).isEqualTo(200);

        for (String nonce : new String[] {"-no_nonce", "-nonce"}) {
            String output = ocsp("-issuer", "issuing.pem", "-cert", "leaf.pem", nonce);
            assertThat(output).contains("Response verify OK", "leaf.pem: revoked", "Reason: keyCompromise", "Revocation Time:");
        }
    }

    @Test
    void ocspWhenOnHoldThenRevokedWithHoldAndGoodAgainAfterRelease() {
        String serial = issueTo("leaf.pem", "CN=OCSP Held");
        ca.admin().post("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "certificateHold"));
        assertThat(ocsp("-issuer", "issuing.pem", "-cert", "leaf.pem", "-no_nonce")).contains("revoked", "Reason: certificateHold");

        ca.admin().post("/api/v1/certificates/" + serial + "/release", Map.of());

        assertThat(ocsp("-issuer", "issuing.pem", "-cert", "leaf.pem", "-no_nonce")).contains("leaf.pem: good");
    }

    @Test
    void ocspWhenSerialUnknownThenUnknown() {
        String output = ocsp("-issuer", "issuing.pem", "-serial", "0x4b1d0000000000000000000000000000deadbeef");
        assertThat(output).contains("Response verify OK").contains(": unknown");
    }

    @Test
    void ocspWhenSeveralCertificatesAndSha256CertIdsThenEachAnswered() {
        issueTo("a.pem", "CN=OCSP Multi A");
        String revokedSerial = issueTo("b.pem", "CN=OCSP Multi B");
        ca.admin().post("/api/v1/certificates/" + revokedSerial + "/revoke", Map.of("reason", "superseded"));

        String output = ocsp("-sha256", "-issuer", "issuing.pem", "-cert", "a.pem", "-cert", "b.pem", "-serial", "0x4b1d01");

        assertThat(output).contains("Response verify OK", "a.pem: good", "b.pem: revoked", "Reason: superseded", "0x4b1d01: unknown");
    }

    @Test
    void ocspWhenSubordinateCaCertificateAskedOfTheRootThenGood() {
        openssl.write("issuing-cert.pem", caPem("issuing"));
        assertThat(ocsp("-issuer", "root.pem", "-cert", "issuing-cert.pem", "-no_nonce"))
                .contains("Response verify OK", "issuing-cert.pem: good");
    }

    @Test
    void ocspWhenCaNotServedThenUnauthorized() {
        openssl.run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "other.key",
                "-out", "other.pem", "-subj", "/CN=Some Other CA", "-days", "2");

        OpenSsl.Result result = openssl.execute("ocsp", "-issuer", "other.pem", "-serial", "0x01", "-url", ocspUrl(),
                "-CAfile", ca.trustChain().toString());

        assertThat(result.stdout() + result.stderr()).contains("unauthorized");
    }

    @Test
    void ocspWhenGetThenAnsweredWithRfc5019CachingHeaders() throws Exception {
        issueTo("leaf.pem", "CN=OCSP Get");
        openssl.run("ocsp", "-issuer", "issuing.pem", "-cert", "leaf.pem", "-no_nonce", "-reqout", "req.der");
        String base64 = Base64.getEncoder().encodeToString(openssl.readBytes("req.der"));

        HttpResponse<byte[]> response = PublicHttp.get(ocspUrl() + "/" + URLEncoder.encode(base64, StandardCharsets.US_ASCII));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/ocsp-response");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=", "public", "no-transform");
        assertThat(response.headers().firstValue("Last-Modified")).isPresent();
        assertThat(response.headers().firstValue("Expires")).isPresent();
        openssl.write("resp.der", response.body());
        OpenSsl.Result verified = openssl.execute("ocsp", "-reqin", "req.der", "-respin", "resp.der", "-issuer", "issuing.pem",
                "-cert", "leaf.pem", "-CAfile", ca.trustChain().toString());
        assertThat(verified.stdout() + verified.stderr()).contains("Response verify OK", "leaf.pem: good");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(PublicHttp.get(ocspUrl() + "/" + URLEncoder.encode(base64, StandardCharsets.US_ASCII), "If-None-Match", etag)
                .statusCode()).isEqualTo(304);
        // The same request URL-safe and unpadded, as some clients send it.
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(openssl.readBytes("req.der"));
        assertThat(PublicHttp.get(ocspUrl() + "/" + urlSafe).body()).isEqualTo(response.body());
    }

    @Test
    void ocspWhenGarbageTruncatedOrHugeThenMalformedRequestNeverAStackTrace() throws Exception {
        issueTo("leaf.pem", "CN=OCSP Bad Input");
        openssl.run("ocsp", "-issuer", "issuing.pem", "-cert", "leaf.pem", "-reqout", "req.der");
        byte[] request = openssl.readBytes("req.der");
        byte[][] bad = {
                "this is not DER".getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOf(request, request.length / 2),
                new byte[0],
                {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
                new byte[1 << 20]};
        for (byte[] body : bad) {
            HttpResponse<byte[]> response = PublicHttp.post(ocspUrl(), "application/ocsp-request", body);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/ocsp-response");
            assertThat(new OCSPResp(response.body()).getStatus()).as("OCSP status for a %d-byte body", body.length)
                    .isEqualTo(OCSPResp.MALFORMED_REQUEST);
        }
        HttpResponse<byte[]> badGet = PublicHttp.get(ocspUrl() + "/!!!not-base64");
        assertThat(new OCSPResp(badGet.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        // And the responder still answers.
        assertThat(ocsp("-issuer", "issuing.pem", "-cert", "leaf.pem")).contains("leaf.pem: good");
    }

    @Test
    void responderWhenTwoThirdsOfItsLifeAreGoneThenRenewedAndAnswersStillVerify() {
        issueTo("leaf.pem", "CN=OCSP Renewal");
        String before = responderId(ocsp("-issuer", "issuing.pem", "-cert", "leaf.pem"));
        JdbcClient jdbc = ca.bean(JdbcClient.class);
        // Age the current responder as 29 of its 30 days would.
        jdbc.sql("update ocsp_responder set not_before = ?, not_after = ? where ca_id = 'issuing'")
                .params(OffsetDateTime.now().minusDays(29), OffsetDateTime.now().plusDays(1)).update();
        ca.bean(OcspService.class).reset();

        String output = ocsp("-issuer", "issuing.pem", "-cert", "leaf.pem");

        assertThat(output).contains("Response verify OK", "leaf.pem: good");
        assertThat(responderId(output)).isNotEqualTo(before);
        assertThat(jdbc.sql("select count(*) from ocsp_responder where ca_id = 'issuing'").query(Long.class).single()).isEqualTo(2);
        assertThat(ca.admin().get("/api/v1/certificates?profile=ocsp-signing").json().get("total").asLong()).isGreaterThanOrEqualTo(2);
    }

    private static String responderId(String ocspOutput) {
        return ocspOutput.lines().filter(line -> line.contains("Responder Id:")).findFirst().orElseThrow();
    }

    private String ocsp(String... arguments) {
        String[] all = Arrays.copyOf(arguments, arguments.length + 5);
        all[arguments.length] = "-url";
        all[arguments.length + 1] = ocspUrl();
        all[arguments.length + 2] = "-CAfile";
        all[arguments.length + 3] = ca.trustChain().toString();
        all[arguments.length + 4] = "-resp_text";
        String[] command = new String[all.length + 1];
        command[0] = "ocsp";
        System.arraycopy(all, 0, command, 1, all.length);
        OpenSsl.Result result = openssl.execute(command);
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
        return result.stdout() + result.stderr();
    }

    private String ocspUrl() {
        return ca.publicBaseUrl() + "/pki/ocsp";
    }

    private String caPem(String id) {
        return ca.admin().get("/api/v1/cas/" + id).json().get("certificatePem").asString();
    }

    private String issueTo(String file, String subject) {
        FujieTestClient.Response issued = ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client", "subject", subject,
                "keyGeneration", Map.of("algorithm", "EC-P256", "password", "ocsp tests")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        openssl.write(file, issued.json().get("certificatePem").asString());
        return issued.json().get("serialNumber").asString();
    }
}
