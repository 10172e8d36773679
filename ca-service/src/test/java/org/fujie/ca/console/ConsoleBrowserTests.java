package org.fujie.ca.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.fujie.ca.support.RunningCaService;
import org.fujie.ca.support.TestCertificates;
import org.fujie.ca.support.browser.HeadlessChromium;
import org.fujie.pki.x509.Pem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import tools.jackson.databind.JsonNode;

/**
 * The console end to end in a real headless Chromium against a real ca-service over mutual TLS: the ADMIN logs in
 * with the bootstrap client certificate, issues a certificate from a pasted CSR, revokes it and sees the status change,
 * downloads the PEM, issues another from an uploaded CSR file; an AUDITOR (a second certificate) reads the audit log and its chain verification, sees no action,
 * and is refused when posting one anyway. Screenshots of the main pages go to target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTests {

    private RunningCaService ca;
    private TestCertificates.Issued auditorCertificate;

    @BeforeAll
    void start() {
        HeadlessChromium.requireInstalled();
        ca = RunningCaService.embedded();
        auditorCertificate = TestCertificates.tlsClient(ca, "CN=Console Auditor,O=Fujie Tests", "auditor-browser");
        TestCertificates.grant(ca, auditorCertificate, "AUDITOR");
    }

    @AfterAll
    void stop() {
        ca.close();
    }

    private HeadlessChromium admin() throws Exception {
        return HeadlessChromium.withClientCertificate(ca.baseUrl(), Files.readAllBytes(ca.dataDir().resolve("bootstrap/admin.p12")),
                Files.readString(ca.dataDir().resolve("bootstrap/admin.pass")).strip().toCharArray(), ca.trustChain());
    }

    private HeadlessChromium auditor() {
        return HeadlessChromium.withClientCertificate(ca.baseUrl(), auditorCertificate.pkcs12(), auditorCertificate.password(),
                ca.trustChain());
    }

    @Test
    void adminWhenIssuingFromACsrAndRevokingThenSeesTheStatusChangeAndDownloadsThePem() throws Exception {
        try (HeadlessChromium browser = admin()) {
            browser.open("/console/");
            assertThat(browser.text()).contains("Certificates at a glance", "CN=Fujie Administrator");
            browser.screenshot("01-dashboard");

            browser.open("/console/certificates/new");
            new Select(browser.find("#csr-profile")).selectByValue("tls-client");
            browser.find("#csr").sendKeys(csr("CN=Console Browser,O=Fujie Tests"));
            browser.screenshot("02-issue-form");
            browser.submit("#issue");

            assertThat(browser.find("h1").getText()).isEqualTo("CN=Console Browser,O=Fujie Tests");
            assertThat(browser.find("#status").getText()).isEqualTo("Valid");
            assertThat(browser.text()).contains("The certificate was issued.", "Extended key usage", "clientAuth");
            String serial = browser.driver().getCurrentUrl().replaceFirst(".*/console/certificates/", "");
            browser.screenshot("03-certificate-issued");

            new Select(browser.find("#reason")).selectByValue("keyCompromise");
            browser.find("#confirm").click();
            browser.submit("#revoke");

            assertThat(browser.find("#status").getText()).isEqualTo("Revoked");
            assertThat(browser.find("#outcome").getText()).contains("revoked (keyCompromise)");
            assertThat(browser.find("#history").getText()).contains("certificate.issue", "certificate.revoke");
            assertThat(browser.has("#revoke-form")).isFalse();
            browser.screenshot("04-certificate-revoked");
            JsonNode api = ca.admin().get("/api/v1/certificates/" + serial).json();
            assertThat(api.get("status").asString()).isEqualTo("REVOKED");

            browser.find("#download-pem").click();
            String pem = Files.readString(browser.download(serial + ".pem", Duration.ofSeconds(20)));
            assertThat(Pem.parseCertificate(Pem.decode(pem, "CERTIFICATE")).getSerialNumber().toString(16)).isEqualTo(serial);

            // The same again from an uploaded file (DER, as some tools write CSRs).
            java.nio.file.Path file = Files.createTempFile("console-", ".csr");
            Files.write(file, Pem.decode(csr("CN=Console Upload,O=Fujie Tests"), "CERTIFICATE REQUEST"));
            browser.open("/console/certificates/new");
            new Select(browser.find("#csr-profile")).selectByValue("tls-client");
            browser.find("#csrFile").sendKeys(file.toAbsolutePath().toString());
            browser.submit("#issue");
            assertThat(browser.find("h1").getText()).isEqualTo("CN=Console Upload,O=Fujie Tests");
            assertThat(browser.find("#status").getText()).isEqualTo("Valid");
            Files.delete(file);

            for (String[] page : new String[][] {{"/console/certificates", "05-certificates"}, {"/console/cas", "06-ca-hierarchy"},
                    {"/console/cas/issuing", "07-ca-issuing"}, {"/console/profiles", "08-profiles"}, {"/console/?lang=zh_CN", "09-dashboard-zh"}}) {
                browser.open(page[0]);
                assertThat(browser.has("main h1")).as(page[0]).isTrue();
                browser.screenshot(page[1]);
            }
            browser.open("/console/?lang=en");
        }
    }

    @Test
    void auditorWhenReadingTheAuditLogThenSeesTheChainVerifiedAndNoActionsAndIsRefusedWhenPostingOne() {
        String serial = TestCertificates.tlsClient(ca, "CN=Audited,O=Fujie Tests", "audited-one").serial();
        try (HeadlessChromium browser = auditor()) {
            browser.open("/console/audit");
            assertThat(browser.find("#chain").getText()).contains("Intact");
            assertThat(browser.text()).contains("certificate.issue", "CN=Console Auditor");
            browser.screenshot("10-audit-log");
            // The entry of the issue links to the certificate.
            browser.afterNavigation(() -> browser.find("a[href$='/console/certificates/" + serial + "']").click());
            assertThat(browser.find("h1").getText()).isEqualTo("CN=Audited,O=Fujie Tests");

            browser.open("/console/certificates/" + serial);
            assertThat(browser.find("#status").getText()).isEqualTo("Valid");
            assertThat(browser.has("#revoke-form")).isFalse();
            assertThat(browser.has("#hold")).isFalse();
            assertThat(browser.has("a[href$='/console/certificates/new']")).isFalse();
            browser.screenshot("11-certificate-as-auditor");

            // What a hand-made form would do: the page's own CSRF token, posted to the action the page does not offer.
            browser.afterNavigation(() -> ((JavascriptExecutor) browser.driver()).executeScript(
                    "const form = document.createElement('form'); form.method = 'post'; form.action = arguments[0];"
                            + "const token = document.querySelector('input[name=_csrf]').cloneNode();"
                            + "const reason = document.createElement('input'); reason.name = 'reason'; reason.value = 'keyCompromise';"
                            + "const confirm = document.createElement('input'); confirm.name = 'confirm'; confirm.value = 'yes';"
                            + "form.append(token, reason, confirm); document.body.append(form); form.submit();",
                    "/console/certificates/" + serial + "/revoke"));

            assertThat(browser.find("h1").getText()).isEqualTo("Not allowed");
            browser.screenshot("12-refused-as-auditor");
        }
        assertThat(ca.admin().get("/api/v1/certificates/" + serial).json().get("status").asString()).isEqualTo("VALID");
        assertThat(ca.admin().get("/api/v1/audit?action=access.denied&target=" + serial).json().get("total").asLong()).isEqualTo(1);
    }

    private static String csr(String subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = generator.generateKeyPair();
        byte[] der = new JcaPKCS10CertificationRequestBuilder(new X500Principal(subject), key.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())).getEncoded();
        return Pem.encode("CERTIFICATE REQUEST", der);
    }
}
