package org.fujie.ca.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.PublicHttp;
import org.fujie.ca.support.RunningCaService;
import org.fujie.pki.OpenSsl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Complete and delta CRLs, judged by openssl. Publication after revocation is off here, so each test
 * decides when a CRL is made (POST /api/v1/cas/{id}/crl) and the bases of deltas are known.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrlTests {

    private RunningCaService ca;

    @BeforeAll
    void start() {
        // the schedule's first run is an hour away: every CRL here is asked for
        ca = RunningCaService.start(Map.of("fujie.crl.on-revocation", "none", "fujie.crl.keep-expired", "30d",
                "fujie.crl.initial-delay", "1h"));
    }

    @AfterAll
    void stop() {
        ca.close();
    }

    @Test
    void crlWhenCertificateRevokedThenOpensslRejectsItAndAcceptsAnother(@TempDir Path dir) {
        OpenSsl openssl = new OpenSsl(dir);
        Issued revoked = issue("CN=CRL Revoked");
        Issued good = issue("CN=CRL Good");
        String invalidity = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        revoke(revoked.serial, "keyCompromise", invalidity);

        JsonNode published = publish(false);
        fetchPem(openssl, "issuing.crl", "crl.pem");
        openssl.write("revoked.pem", revoked.pem);
        openssl.write("good.pem", good.pem);

        OpenSsl.Result rejected = openssl.execute("verify", "-crl_check", "-CAfile", ca.trustChain().toString(), "-CRLfile", "crl.pem", "revoked.pem");
        assertThat(rejected.exitCode()).isNotZero();
        assertThat(rejected.stdout() + rejected.stderr()).contains("certificate revoked");
        assertThat(openssl.run("verify", "-crl_check", "-CAfile", ca.trustChain().toString(), "-CRLfile", "crl.pem", "good.pem"))
                .contains("good.pem: OK");
        String text = openssl.run("crl", "-in", "crl.pem", "-noout", "-text");
        assertThat(text)
                .contains("X509v3 CRL Number:", String.valueOf(published.get("full").get("crlNumber").asLong()))
                .contains("CN = Fujie Issuing CA")
                .contains("X509v3 Authority Key Identifier")
                .contains("Freshest CRL", "pki/crl/issuing-delta.crl")
                .contains("Next Update:");
        String entry = entryOf(text, revoked.serial);
        assertThat(entry).contains("Key Compromise").contains("Invalidity Date");
        assertThat(text).doesNotContainIgnoringCase(good.serial.toUpperCase());
    }

    @Test
    void deltaWhenChangesSinceBaseThenOnlyThoseAndAReleasedHoldAsRemoveFromCrl(@TempDir Path dir) {
        OpenSsl openssl = new OpenSsl(dir);
        Issued before = issue("CN=Revoked Before Base");
        Issued held = issue("CN=Held In Base");
        revoke(before.serial, "superseded", null);
        revoke(held.serial, "certificateHold", null);
        long base = publish(false).get("full").get("crlNumber").asLong();
        fetchPem(openssl, "issuing.crl", "base.pem");
        assertThat(entryOf(openssl.run("crl", "-in", "base.pem", "-noout", "-text"), held.serial)).contains("Certificate Hold");

        Issued after = issue("CN=Revoked After Base");
        revoke(after.serial, "affiliationChanged", null);
        assertThat(ca.admin().post("/api/v1/certificates/" + held.serial + "/release", Map.of()).status()).isEqualTo(200);
        JsonNode delta = publish(true);
        fetchPem(openssl, "issuing-delta.crl", "delta.pem");

        assertThat(delta.has("full")).isFalse();
        String deltaText = openssl.run("crl", "-in", "delta.pem", "-noout", "-text");
        assertThat(deltaText).contains("Delta CRL Indicator: critical", String.valueOf(base));
        assertThat(deltaText).doesNotContain("Freshest CRL");
        assertThat(entryOf(deltaText, after.serial)).contains("Affiliation Changed");
        assertThat(entryOf(deltaText, held.serial)).contains("Remove From CRL");
        assertThat(deltaText).doesNotContainIgnoringCase(colonHex(before.serial));
        assertThat(delta.get("delta").get("baseCrlNumber").asLong()).isEqualTo(base);
        assertThat(delta.get("crlNumber").asLong()).isGreaterThan(base);

        publish(false);
        fetchPem(openssl, "issuing.crl", "next.pem");
        String next = openssl.run("crl", "-in", "next.pem", "-noout", "-text");
        assertThat(next).doesNotContainIgnoringCase(colonHex(held.serial));
        assertThat(entryOf(next, before.serial)).contains("Superseded");
        assertThat(entryOf(next, after.serial)).contains("Affiliation Changed");
    }

    @Test
    void verifyWhenWholeChainCheckedWithDeltasThenOpensslUsesRootIssuingAndDeltaCrls(@TempDir Path dir) {
        OpenSsl openssl = new OpenSsl(dir);
        Issued good = issue("CN=Chain Good");
        Issued revokedAfterBase = issue("CN=Chain Revoked After Base");
        ca.admin().post("/api/v1/cas/root/crl", Map.of());
        publish(false);
        revoke(revokedAfterBase.serial, "keyCompromise", null);
        publish(true);
        fetchPem(openssl, "root.crl", "root.pem");
        fetchPem(openssl, "issuing.crl", "issuing.pem");
        fetchPem(openssl, "issuing-delta.crl", "delta.pem");
        openssl.write("good.pem", good.pem);
        openssl.write("revoked.pem", revokedAfterBase.pem);
        String[] check = {"verify", "-crl_check_all", "-use_deltas", "-CAfile", ca.trustChain().toString(),
                "-CRLfile", "root.pem", "-CRLfile", "issuing.pem", "-CRLfile", "delta.pem"};

        assertThat(openssl.run(append(check, "good.pem"))).contains("good.pem: OK");
        OpenSsl.Result revoked = openssl.execute(append(check, "revoked.pem"));
        assertThat(revoked.exitCode()).isNotZero();
        assertThat(revoked.stdout() + revoked.stderr()).contains("certificate revoked");
        // Without the delta the complete CRL alone does not know yet.
        assertThat(openssl.run("verify", "-crl_check_all", "-CAfile", ca.trustChain().toString(), "-CRLfile", "root.pem",
                "-CRLfile", "issuing.pem", "revoked.pem")).contains("revoked.pem: OK");
    }

    private static String[] append(String[] arguments, String last) {
        String[] all = java.util.Arrays.copyOf(arguments, arguments.length + 1);
        all[arguments.length] = last;
        return all;
    }

    @Test
    void crlWhenRevokedCertificateLongExpiredThenItsEntryIsDropped(@TempDir Path dir) {
        OpenSsl openssl = new OpenSsl(dir);
        Issued recentlyExpired = issue("CN=Expired Three Days Ago");
        Issued longExpired = issue("CN=Expired Forty Days Ago");
        revoke(recentlyExpired.serial, "keyCompromise", null);
        revoke(longExpired.serial, "keyCompromise", null);
        age(recentlyExpired.serial, 3);
        age(longExpired.serial, 40);

        publish(false);
        fetchPem(openssl, "issuing.crl", "crl.pem");

        String text = openssl.run("crl", "-in", "crl.pem", "-noout", "-text");
        assertThat(entryOf(text, recentlyExpired.serial)).contains("Key Compromise");
        assertThat(text).doesNotContainIgnoringCase(colonHex(longExpired.serial));
    }

    @Test
    void crlNumbersWhenRestartedThenStillIncreasing() {
        long before = publish(false).get("delta").get("crlNumber").asLong();

        ca.restart();
        JsonNode after = publish(false);

        assertThat(after.get("full").get("crlNumber").asLong()).isEqualTo(before + 1);
        assertThat(after.get("delta").get("crlNumber").asLong()).isEqualTo(before + 2);
    }

    @Test
    void crlWhenFetchedThenDerWithCachingHeadersAnd304WhenUnchanged() {
        publish(false);

        HttpResponse<byte[]> full = PublicHttp.get(ca.publicBaseUrl() + "/pki/crl/issuing.crl");
        HttpResponse<byte[]> delta = PublicHttp.get(ca.publicBaseUrl() + "/pki/crl/issuing-delta.crl");

        assertThat(full.statusCode()).isEqualTo(200);
        assertThat(full.headers().firstValue("Content-Type")).hasValue("application/pkix-crl");
        assertThat(full.headers().firstValue("Cache-Control").orElseThrow()).contains("max-age=", "public");
        assertThat(full.headers().firstValue("Last-Modified")).isPresent();
        assertThat(full.headers().firstValue("Expires")).isPresent();
        assertThat(full.body()[0]).isEqualTo((byte) 0x30);
        assertThat(delta.statusCode()).isEqualTo(200);
        String etag = full.headers().firstValue("ETag").orElseThrow();
        assertThat(PublicHttp.get(ca.publicBaseUrl() + "/pki/crl/issuing.crl", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(PublicHttp.get(ca.publicBaseUrl() + "/pki/crl/nosuchca.crl").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(1) // before any test publishes a root CRL
    void crlWhenCaHasNoneYetThenTheFirstRequestGetsOne() {
        // Nothing has published a root CRL (no revocation, no schedule run): the distribution point still answers.
        HttpResponse<byte[]> first = PublicHttp.get(ca.publicBaseUrl() + "/pki/crl/root.crl");
        HttpResponse<byte[]> again = PublicHttp.get(ca.publicBaseUrl() + "/pki/crl/root-delta.crl");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/pkix-crl");
        assertThat(again.statusCode()).isEqualTo(200);
    }

    @Test
    void publishWhenNotAdminOrUnknownCaThenRefused() {
        assertThat(ca.anonymous().post("/api/v1/cas/issuing/crl", Map.of()).status()).isEqualTo(401);
        FujieTestClient.Response unknown = ca.admin().post("/api/v1/cas/nosuchca/crl", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:fujie:problem:not-found");
    }

    private record Issued(String serial, String pem) {
    }

    private Issued issue(String subject) {
        FujieTestClient.Response issued = ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client", "subject", subject,
                "keyGeneration", Map.of("algorithm", "EC-P256", "password", "crl tests")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return new Issued(issued.json().get("serialNumber").asString(), issued.json().get("certificatePem").asString());
    }

    private void revoke(String serial, String reason, String invalidityDate) {
        Map<String, String> body = invalidityDate == null ? Map.of("reason", reason) : Map.of("reason", reason, "invalidityDate", invalidityDate);
        FujieTestClient.Response response = ca.admin().post("/api/v1/certificates/" + serial + "/revoke", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private JsonNode publish(boolean deltaOnly) {
        FujieTestClient.Response response = ca.admin().post("/api/v1/cas/issuing/crl" + (deltaOnly ? "?deltaOnly=true" : ""), Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private void age(String serial, int daysExpired) {
        ca.bean(JdbcClient.class).sql("update certificate set not_after = ? where serial = ?")
                .params(OffsetDateTime.now().minusDays(daysExpired), serial).update();
    }

    private void fetchPem(OpenSsl openssl, String file, String pemName) {
        HttpResponse<byte[]> response = PublicHttp.get(ca.publicBaseUrl() + "/pki/crl/" + file);
        assertThat(response.statusCode()).isEqualTo(200);
        openssl.write(pemName + ".der", response.body());
        openssl.run("crl", "-inform", "DER", "-in", pemName + ".der", "-out", pemName);
    }

    /** The lines of one entry in `openssl crl -text` output: from its serial to the next serial. */
    private static String entryOf(String crlText, String serialHex) {
        String wanted = serialHex.toUpperCase();
        int at = crlText.indexOf("Serial Number: " + wanted);
        assertThat(at).as("entry for serial %s in%n%s", wanted, crlText).isGreaterThanOrEqualTo(0);
        int next = crlText.indexOf("Serial Number:", at + 15);
        return crlText.substring(at, next < 0 ? crlText.length() : next);
    }

    private static String colonHex(String serialHex) {
        return serialHex.toUpperCase();
    }
}
