package org.fujie.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.fujie.ca.support.ConsoleClient;
import org.fujie.ca.support.FujieTestClient;
import org.fujie.ca.support.matrix.ClientCertificates;
import org.fujie.pki.OpenSsl;
import org.fujie.service.security.Role;
import org.fujie.service.web.SecurityHeadersFilter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * trust-service's console over real mutual TLS: the verify page and its report, readable refusals, who may verify
 * (ADMIN and APP, as the API) and who only reads the anchors (AUDITOR), CSRF and the CSP. A stamped document verified
 * TOTAL_PASSED in the browser is seal-service's SealConsoleBrowserTests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustConsoleWebTests {

    private RunningTrustService services;
    private ClientCertificates roles;

    @BeforeAll
    void start() {
        services = RunningTrustService.start(Map.of());
        roles = ClientCertificates.issuedBy(services.ca).grantedIn(services.admin);
    }

    @AfterAll
    void stop() {
        services.close();
    }

    private ConsoleClient as(Role role) {
        return ConsoleClient.withCertificate(services.trustUrl, roles.pkcs12(role), roles.password(), services.ca.trustChain());
    }

    @Test
    void everyPageWhenOpenedThenRenderedUnderTheStrictPolicyWithoutInlineScriptOrStyle() {
        for (String path : new String[] {"/console/verify", "/console/anchors", "/console/audit", "/console/login"}) {
            ConsoleClient.Page page = as(Role.ADMIN).get(path);
            assertThat(page.status()).as(path + ": " + page.body()).isEqualTo(200);
            assertThat(page.contentSecurityPolicy()).as(path).isEqualTo(SecurityHeadersFilter.CONSOLE_CSP);
            assertThat(page.body()).as(path).doesNotContain("<script", " style=", " onclick=", "javascript:");
        }
        assertThat(as(Role.ADMIN).get("/console/").location()).endsWith("/console/verify");
        assertThat(as(Role.AUDITOR).get("/console/").location()).endsWith("/console/anchors");
    }

    @Test
    void verifyWhenAnUnsignedPdfThenTheReportSaysSoAndAnUnsupportedFileIsExplained() throws Exception {
        ConsoleClient app = as(Role.APP);
        app.get("/console/verify");

        ConsoleClient.Download unsigned = app.postMultipart("/console/verify", Map.of(), List.of(
                new ConsoleClient.FilePart("document", "unsigned.pdf", unsignedPdf())));
        assertThat(unsigned.status()).isEqualTo(200);
        assertThat(new String(unsigned.body(), StandardCharsets.UTF_8)).contains("Report on unsigned.pdf", "id=\"indication\"",
                "The document carries no signature or seal.");

        ConsoleClient.Download unsupported = app.postMultipart("/console/verify", Map.of(), List.of(
                new ConsoleClient.FilePart("document", "notes.txt", "plain words".getBytes(StandardCharsets.UTF_8))));
        assertThat(unsupported.status()).isEqualTo(415);
        assertThat(new String(unsupported.body(), StandardCharsets.UTF_8)).contains("id=\"refusal\"", "This kind of document cannot be verified",
                "neither a PDF").doesNotContain("at org.");
    }

    @Test
    void auditLogWhenAnEntryNamesATrustAnchorThenItsTargetLinksToTheAnchorsRow(@TempDir Path dir) {
        OpenSsl openssl = new OpenSsl(dir);
        openssl.run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "k.pem",
                "-out", "linked.pem", "-subj", "/CN=Linked Department Root/O=Other Ministry", "-days", "30",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        FujieTestClient.Response added = services.admin.post("/api/v1/trust-anchors", Map.of("certificatePem", openssl.read("linked.pem")));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String id = added.json().get("id").asString();
        ConsoleClient auditor = as(Role.AUDITOR);

        String log = auditor.get("/console/audit?target=trust-anchor:" + id).body();

        assertThat(log).contains("<a href=\"/console/anchors#anchor-" + id + "\">trust-anchor:" + id + "</a>");
        assertThat(auditor.get("/console/anchors").body()).contains("<tr id=\"anchor-" + id + "\">");
    }

    @Test
    void auditorWhenVerifyingThenRefusedButReadsTheTrustAnchors() {
        ConsoleClient auditor = as(Role.AUDITOR);
        ConsoleClient.Page anchors = auditor.get("/console/anchors");
        assertThat(anchors.status()).isEqualTo(200);
        assertThat(anchors.body()).contains("Fujie").doesNotContain("href=\"/console/verify\"");
        assertThat(auditor.get("/console/verify").status()).isEqualTo(403);

        ConsoleClient.Download refused = auditor.postMultipart("/console/verify", Map.of(), List.of(
                new ConsoleClient.FilePart("document", "any.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII))));
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void verifyWhenPostedWithoutTheCsrfTokenThenRefused() {
        ConsoleClient.Page refused = as(Role.ADMIN).postWithoutToken("/console/verify", Map.of());
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void languageWhenSwitchedToChineseThenTheVerifyPageInChinese() {
        ConsoleClient admin = as(Role.ADMIN);
        assertThat(admin.get("/console/verify?lang=zh_CN").body()).contains("验证文档", "lang=\"zh-CN\"");
        assertThat(admin.get("/console/verify?lang=en").body()).contains("Verify a document");
    }

    private static byte[] unsignedPdf() throws Exception {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }
}
