package org.fujie.ca.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.fujie.ca.support.EmbeddedCaServiceTest;
import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.TestCertificates;
import org.junit.jupiter.api.Test;

/**
 * A hostile page cannot use the administrator's client certificate, which the browser sends by itself: API requests
 * the browser marks as cross-site (Fetch Metadata, or a foreign Origin) are refused before anything runs, including
 * the "simple" form and multipart POSTs that need no CORS pre-flight. Clients that are not browsers are unaffected.
 */
class CrossSiteRequestTests extends EmbeddedCaServiceTest {

    private static final String CROSS_SITE = "urn:fujie:problem:cross-site-request";

    private String issue(String cn) {
        return TestCertificates.tlsClient(ca, "CN=" + cn + ",O=Cross Site Tests", "cross-site").serial();
    }

    private String status(String serial) {
        return ca.admin().get("/api/v1/certificates/" + serial).json().get("status").asString();
    }

    private static void assertRefused(FujieTestClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(403);
        assertThat(response.json().get("type").asString()).isEqualTo(CROSS_SITE);
    }

    @Test
    void formPostWhenBrowserSaysCrossSiteThenRefusedAndNothingRevoked() {
        String serial = issue("Form Victim");

        assertRefused(ca.admin().withHeader("Sec-Fetch-Site", "cross-site")
                .postForm("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "keyCompromise")));
        assertRefused(ca.admin().withHeader("Sec-Fetch-Site", "same-site")
                .postForm("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "keyCompromise")));

        assertThat(status(serial)).isEqualTo("VALID");
    }

    @Test
    void multipartPostWhenOriginIsAnotherSiteThenRefused() {
        String serial = issue("Multipart Victim");
        byte[] body = "{\"reason\":\"keyCompromise\"}".getBytes(StandardCharsets.UTF_8);

        assertRefused(ca.admin().withHeader("Origin", "https://evil.example")
                .postFiles("/api/v1/certificates/" + serial + "/revoke", List.of(new FujieTestClient.FilePart("x", "x.json", body))));
        // A sandboxed frame or a redirect chain sends the opaque origin "null".
        assertRefused(ca.admin().withHeader("Origin", "null").post("/api/v1/certificates/" + serial + "/revoke",
                Map.of("reason", "keyCompromise")));

        assertThat(status(serial)).isEqualTo("VALID");
    }

    @Test
    void requestWhenFromTheServiceItsOwnOriginOrNoBrowserThenServed() {
        String serial = issue("Own Origin");

        FujieTestClient.Response own = ca.admin().withHeader("Sec-Fetch-Site", "same-origin").withHeader("Origin", ca.baseUrl())
                .post("/api/v1/certificates/" + serial + "/revoke", Map.of("reason", "superseded"));
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(ca.admin().withHeader("Sec-Fetch-Site", "none").get("/api/v1/cas").status()).isEqualTo(200);
        assertThat(ca.admin().get("/api/v1/cas").status()).isEqualTo(200);
    }

    @Test
    void publicCaCertificateWhenLinkedFromAnotherSiteThenStillServed() {
        FujieTestClient.Bytes certificate = ca.anonymous().withHeader("Sec-Fetch-Site", "cross-site").getBytes("/pki/ca/issuing.crt");

        assertThat(certificate.status()).isEqualTo(200);
    }
}
