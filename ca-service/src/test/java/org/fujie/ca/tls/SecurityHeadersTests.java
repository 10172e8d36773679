package org.fujie.ca.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fujie.ca.support.SecurityHeaderAssertions.assertApiHeaders;
import static org.fujie.ca.support.SecurityHeaderAssertions.assertPublicHeaders;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.fujie.ca.support.DeclaredLengthRequest;
import org.fujie.ca.support.EmbeddedCaServiceTest;
import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.PublicHttp;
import org.fujie.pki.x509.Pem;
import org.junit.jupiter.api.Test;

/** The security headers on ca-service's answers: every kind of API answer, and the public plain-HTTP endpoints. */
class SecurityHeadersTests extends EmbeddedCaServiceTest {

    private static final String PASSWORD = "client password";

    @Test
    void apiWhenOkThenSecurityHeaders() {
        HttpResponse<String> cas = ca.admin().exchange("GET", "/api/v1/cas", null, null);
        assertThat(cas.statusCode()).isEqualTo(200);
        assertApiHeaders(cas);
        HttpResponse<String> health = ca.anonymous().exchange("GET", "/actuator/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertApiHeaders(health);
    }

    @Test
    void apiWhenUnauthenticatedThen401WithSecurityHeaders() {
        HttpResponse<String> response = ca.anonymous().exchange("GET", "/api/v1/cas", null, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertApiHeaders(response);
    }

    @Test
    void apiWhenRoleMissingThen403WithSecurityHeaders() {
        FujieTestClient.Response issued = ca.admin().post("/api/v1/certificates", Map.of("profile", "tls-client",
                "subject", "CN=Header Stranger,O=Elsewhere", "keyGeneration", Map.of("algorithm", "EC-P256", "password", PASSWORD)));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        FujieTestClient stranger = FujieTestClient.forPkcs12(ca.baseUrl(),
                Base64.getDecoder().decode(issued.json().get("pkcs12").asString()), PASSWORD.toCharArray(), ca.trustChain());

        HttpResponse<String> response = stranger.exchange("GET", "/api/v1/cas", null, null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertApiHeaders(response);
    }

    @Test
    void apiWhenNotFoundOrBadRequestThenProblemWithSecurityHeaders() throws Exception {
        HttpResponse<String> unknown = ca.admin().exchange("GET", "/api/v1/certificates/00ff", null, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertApiHeaders(unknown);
        HttpResponse<String> malformed = ca.admin().exchange("POST", "/api/v1/certificates", "application/json", "{");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"type\"");
        assertApiHeaders(malformed);
        // 2 MB declared but not sent: the limit answers on Content-Length, and an upload the server stops reading would
        // race its answer against the connection's close (DeclaredLengthRequest).
        HttpResponse<String> tooLarge = DeclaredLengthRequest.post(ca.baseUrl(), "/api/v1/certificates", "application/json",
                2_000_010, ca.dataDir());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(FujieTestClient.JSON.readTree(tooLarge.body()).get("type").asString()).isEqualTo("urn:fujie:problem:request-too-large");
        assertApiHeaders(tooLarge);
    }

    @Test
    void publicCrlWhenPlainHttpThenNosniffAndCspKeepingItsCaching() {
        HttpResponse<byte[]> crl = PublicHttp.get(ca.publicBaseUrl() + "/pki/crl/issuing.crl");
        assertThat(crl.statusCode()).isEqualTo(200);
        assertPublicHeaders(crl);
        assertThat(crl.headers().allValues("Cache-Control")).singleElement().asString().contains("max-age=", "public");

        HttpResponse<String> overHttps = ca.anonymous().exchange("GET", "/pki/crl/issuing.crl", null, null);
        assertThat(overHttps.statusCode()).isEqualTo(200);
        assertThat(overHttps.headers().allValues("Cache-Control")).as("the CRL's own caching wins over the API's no-store")
                .singleElement().asString().contains("max-age=");

        HttpResponse<byte[]> caCertificate = PublicHttp.get(ca.publicBaseUrl() + "/pki/ca/issuing.crt");
        assertThat(caCertificate.statusCode()).isEqualTo(200);
        assertPublicHeaders(caCertificate);
    }

    @Test
    void publicOcspWhenPlainHttpThenNosniffAndCspWithTheRespondersCacheControl() throws Exception {
        List<java.security.cert.X509Certificate> chain = Pem.parseCertificates(Files.readString(ca.trustChain()));
        X509CertificateHolder issuing = new X509CertificateHolder(chain.get(1).getEncoded());
        X509CertificateHolder tls = new X509CertificateHolder(Pem.decode(Files.readString(
                ca.dataDir().resolve("ca-service/bootstrap/issued/tls-server--ca-service.pem")), "CERTIFICATE"));
        byte[] request = new OCSPReqBuilder().addRequest(new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                .get(CertificateID.HASH_SHA1), issuing, tls.getSerialNumber())).build().getEncoded();

        HttpResponse<byte[]> get = PublicHttp.get(ca.publicBaseUrl() + "/pki/ocsp/"
                + URLEncoder.encode(Base64.getEncoder().encodeToString(request), StandardCharsets.US_ASCII));
        HttpResponse<byte[]> post = PublicHttp.post(ca.publicBaseUrl() + "/pki/ocsp", "application/ocsp-request", request);

        for (HttpResponse<byte[]> response : List.of(get, post)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/ocsp-response");
            assertPublicHeaders(response);
            // The responder's own Cache-Control (RFC 5019 max-age, or no-cache for an answer made for this request).
            assertThat(response.headers().allValues("Cache-Control")).singleElement().asString().doesNotStartWith("no-store");
        }
    }

    @Test
    void plainHttpWhenApiPathThen404WithPublicHeaders() {
        HttpResponse<byte[]> response = PublicHttp.get(ca.publicBaseUrl() + "/api/v1/cas");
        assertThat(response.statusCode()).isEqualTo(404);
        assertPublicHeaders(response);
    }
}
