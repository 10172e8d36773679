package org.fujie.seal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.fujie.ca.support.browser.HeadlessChromium;
import org.fujie.ca.support.TestCertificates;
import org.fujie.seal.SealServicesTest;
import org.fujie.seal.TestDocuments;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * seal-service's and trust-service's consoles in a real headless Chromium over mutual TLS: one SEAL_ADMIN makes a seal
 * (the preview drawn as they type) and is refused approving it, another approves it; the keeper stamps a PDF and
 * downloads it, which trust-service verifies TOTAL_PASSED, as its console's report shows with the seal's name; an
 * AUDITOR sees the seals without actions and is refused posting one. Screenshots go to target/screenshots.
 */
class SealConsoleBrowserTests extends SealServicesTest {

    private static final String NAME = "浏览器专用章";

    private SealConsole console;

    @BeforeAll
    void users() {
        HeadlessChromium.requireInstalled();
        console = new SealConsole(services);
    }

    private HeadlessChromium browser(TestCertificates.Issued user) {
        return HeadlessChromium.withClientCertificate(services.sealUrl(), user.pkcs12(), user.password(), services.ca().trustChain());
    }

    @Test
    void sealWhenMadeApprovedByAnotherAdminAndStampedThenTheDownloadVerifiesOnTrustServicesConsole() throws Exception {
        String id;
        try (HeadlessChromium maker = browser(console.maker)) {
            maker.open("/console/seals/new");
            maker.find("#name").sendKeys(NAME);
            maker.find("#organization").sendKeys("北京市数据管理局");
            new Select(maker.find("#type")).selectByValue("CONTRACT");
            maker.find("#keepers").sendKeys(SealConsole.KEEPER);
            // The script asks the server for the image as one types.
            new WebDriverWait(maker.driver(), Duration.ofSeconds(20)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "const i = document.getElementById('preview'); return i.complete && i.naturalWidth > 0"
                            + " && i.src.includes('organization=')"));
            maker.screenshot("seal-01-make-with-preview");
            maker.submit("#make");
            assertThat(maker.find("#notice").getText()).contains("The seal was made");
            assertThat(maker.find("#status").getText()).isEqualTo("Awaiting approval");
            id = maker.driver().getCurrentUrl().replaceFirst(".*/console/seals/", "");

            maker.submit("#approve");
            assertThat(maker.find("h1").getText()).isEqualTo("Not allowed");
            assertThat(maker.text()).contains("another SEAL_ADMIN approves it");
            maker.screenshot("seal-02-four-eyes-refused");
        }
        try (HeadlessChromium approver = browser(console.approver)) {
            approver.open("/console/seals/" + id);
            approver.submit("#approve");
            assertThat(approver.find("#status").getText()).isEqualTo("Active");
            assertThat(approver.find("#approved-by").getText()).isEqualTo("CN=Console Approver,O=Ministry");
            approver.screenshot("seal-03-detail-approved");
        }
        Path pdf = Files.createTempFile("console-contract-", ".pdf");
        Files.write(pdf, TestDocuments.onePage("browser stamp"));
        Path stamped;
        try (HeadlessChromium keeper = browser(console.keeper)) {
            keeper.open("/console/seals/" + id);
            keeper.afterNavigation(() -> keeper.find("#stamp-link").click());
            keeper.find("#document").sendKeys(pdf.toAbsolutePath().toString());
            new Select(keeper.find("#level")).selectByValue("B-T");
            keeper.screenshot("seal-04-stamp-form");
            keeper.find("#stamp").click();
            String download = pdf.getFileName().toString().replace(".pdf", "-stamped.pdf");
            stamped = Files.copy(keeper.download(download, Duration.ofSeconds(60)), Files.createTempFile("stamped-", ".pdf"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.delete(pdf);
        }
        assertThat(services.trustServiceVerify(Files.readAllBytes(stamped)).get("indication").asString()).isEqualTo("TOTAL_PASSED");

        Path data = services.ca().dataDir();
        try (HeadlessChromium trust = HeadlessChromium.withClientCertificate(services.trustUrl(),
                Files.readAllBytes(data.resolve("bootstrap/admin.p12")),
                Files.readString(data.resolve("bootstrap/admin.pass")).strip().toCharArray(), services.ca().trustChain())) {
            trust.open("/console/verify");
            trust.find("#document").sendKeys(stamped.toAbsolutePath().toString());
            trust.submit("#verify");
            assertThat(trust.find("#indication").getText()).isEqualTo("TOTAL_PASSED");
            assertThat(trust.find("#signature-1 .signer").getText()).contains(NAME);
            assertThat(trust.find("#signature-1 .timestamp").getText()).contains("TOTAL_PASSED");
            assertThat(trust.find("#signature-1 .coverage").getText()).isEqualTo("the whole document");
            trust.screenshot("trust-01-verify-report");
        } finally {
            Files.delete(stamped);
        }
        try (HeadlessChromium auditor = browser(console.auditor)) {
            auditor.open("/console/seals/" + id);
            assertThat(auditor.text()).contains(SealConsole.KEEPER, "B-T");
            auditor.open("/console/seals");
            assertThat(auditor.text()).contains(NAME);
            assertThat(auditor.has("#make-link")).isFalse();
            auditor.screenshot("seal-05-list-as-auditor");
        }
    }

    @Test
    void auditorWhenPostingAnActionFromTheSealsPageThenRefused() {
        String id = console.active("审计浏览专用章");
        try (HeadlessChromium auditor = browser(console.auditor)) {
            auditor.open("/console/seals/" + id);
            assertThat(auditor.has("#seal-actions")).isFalse();
            auditor.afterNavigation(() -> ((JavascriptExecutor) auditor.driver()).executeScript(
                    "const form = document.createElement('form'); form.method = 'post'; form.action = arguments[0];"
                            + "form.append(document.querySelector('input[name=_csrf]').cloneNode());"
                            + "document.body.append(form); form.submit();", "/console/seals/" + id + "/suspend"));
            assertThat(auditor.find("h1").getText()).isEqualTo("Not allowed");
            auditor.open("/console/seals/" + id);
            assertThat(auditor.find("#status").getText()).isEqualTo("Active");
        }
    }
}
