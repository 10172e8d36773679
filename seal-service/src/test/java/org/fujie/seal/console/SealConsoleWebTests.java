package org.fujie.seal.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.fujie.ca.support.ConsoleClient;
import org.fujie.seal.SealServicesTest;
import org.fujie.seal.TestDocuments;
import org.fujie.service.web.SecurityHeadersFilter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * seal-service's console over real mutual TLS: making and approving (four eyes), the lifecycle, stamping a PDF as a
 * download, who sees which buttons, who may post what, CSRF, the CSP, the preview, the language. The browser itself is
 * driven in SealConsoleBrowserTests.
 */
class SealConsoleWebTests extends SealServicesTest {

    private SealConsole console;

    @BeforeAll
    void users() {
        console = new SealConsole(services);
    }

    @Test
    void everyPageWhenOpenedThenRenderedUnderTheStrictPolicyWithoutInlineScriptOrStyle() {
        String id = console.make("页面专用章");
        Map<String, ConsoleClient> pages = Map.of("/console/seals", console.as(console.maker), "/console/seals/" + id,
                console.as(console.maker), "/console/seals/new", console.as(console.maker), "/console/stamp", console.as(console.keeper),
                "/console/audit", console.as(console.auditor), "/console/login", console.as(console.auditor));
        pages.forEach((path, user) -> {
            ConsoleClient.Page page = user.get(path);
            assertThat(page.status()).as(path + ": " + page.body()).isEqualTo(200);
            assertThat(page.contentSecurityPolicy()).as(path).isEqualTo(SecurityHeadersFilter.CONSOLE_CSP);
            assertThat(page.body()).as(path).doesNotContain("<script>", " style=", " onclick=", "javascript:");
        });
        assertThat(console.as(console.maker).get("/console/seals/new").body())
                .contains("<script src=\"/console/assets/seal-preview.js\"");
        assertThat(console.as(console.maker).get("/console/assets/seal-preview.js").status()).isEqualTo(200);
    }

    @Test
    void approvalWhenAskedByTheMakerThenFourEyesRefusalShownAndAnotherAdminApproves() {
        String id = console.make("四眼专用章");
        ConsoleClient maker = console.as(console.maker);
        maker.get("/console/seals/" + id);

        ConsoleClient.Page refused = maker.post("/console/seals/" + id + "/approve", Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("another SEAL_ADMIN approves it", "urn:fujie:problem:seal-four-eyes");
        ConsoleClient approver = console.as(console.approver);
        approver.get("/console/seals/" + id);
        ConsoleClient.Page approved = approver.post("/console/seals/" + id + "/approve", Map.of());
        assertThat(approved.status()).isEqualTo(302);
        assertThat(approver.get("/console/seals/" + id).body()).contains("The seal was approved", "CN=Console Approver,O=Ministry",
                "id=\"suspend\"", "id=\"revoke-form\"").doesNotContain("id=\"approve\"");
    }

    @Test
    void revocationWhenNotConfirmedThenRefusedWithTheReasonShownAndTheSealStaysActive() {
        String id = console.active("确认专用章");
        ConsoleClient admin = console.as(console.approver);
        assertThat(admin.get("/console/seals/" + id).body()).contains("name=\"confirm\" value=\"yes\" required");

        ConsoleClient.Page refused = admin.post("/console/seals/" + id + "/revoke", Map.of("reason", "superseded"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("confirm the revocation", "urn:fujie:problem:malformed-request");
        assertThat(admin.get("/console/seals/" + id).body()).contains("Active", "id=\"revoke-form\"");
    }

    @Test
    void auditLogWhenAnEntryNamesASealThenItsTargetLinksToTheSealsPage() {
        String id = console.make("链接专用章");

        String log = console.as(console.auditor).get("/console/audit?target=seal:" + id).body();

        assertThat(log).contains("<a href=\"/console/seals/" + id + "\">seal:" + id + "</a>");
    }

    @Test
    void keepersWhenReplacedOnTheSealsPageThenShownAndAuditedAndAnEmptyListIsExplained() {
        String id = console.make("保管专用章");
        ConsoleClient admin = console.as(console.approver);
        assertThat(admin.get("/console/seals/" + id).body()).contains("id=\"keepers-form\"", SealConsole.KEEPER);
        assertThat(console.as(console.auditor).get("/console/seals/" + id).body()).doesNotContain("id=\"keepers-form\"");

        ConsoleClient.Page replaced = admin.post("/console/seals/" + id + "/keepers",
                Map.of("keepers", "CN=Console Keeper Two,O=Ministry\n\n" + SealConsole.KEEPER + "\n"));
        ConsoleClient.Page empty = admin.post("/console/seals/" + id + "/keepers", Map.of("keepers", " \n"));

        assertThat(replaced.status()).isEqualTo(302);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("keepers must name at least one keeper", "urn:fujie:problem:seal-invalid");
        assertThat(admin.get("/console/seals/" + id).body()).contains("The keepers were replaced", "CN=Console Keeper Two,O=Ministry");
        assertThat(console.as(console.auditor).get("/console/audit?target=seal:" + id).body()).contains("seal.keepers");
    }

    @Test
    void lifecycleWhenSuspendedResumedAndRevokedThenEachShownAndAudited() {
        String id = console.active("周期专用章");
        ConsoleClient admin = console.as(console.approver);
        admin.get("/console/seals/" + id);

        assertThat(admin.post("/console/seals/" + id + "/suspend", Map.of()).status()).isEqualTo(302);
        assertThat(admin.get("/console/seals/" + id).body()).contains("Suspended", "id=\"resume\"");
        assertThat(admin.post("/console/seals/" + id + "/resume", Map.of()).status()).isEqualTo(302);
        assertThat(admin.get("/console/seals/" + id).body()).contains("id=\"suspend\"");
        assertThat(admin.post("/console/seals/" + id + "/revoke", Map.of("reason", "superseded", "confirm", "yes")).status()).isEqualTo(302);

        assertThat(admin.get("/console/seals/" + id).body()).contains("Revoked", "cannot be undone").doesNotContain("id=\"seal-actions\"");
        ConsoleClient auditor = console.as(console.auditor);
        String log = auditor.get("/console/audit?target=seal:" + id).body();
        assertThat(log).contains("seal.make", "seal.approve", "seal.suspend", "seal.resume", "seal.revoke");
    }

    @Test
    void auditorWhenViewingASealThenNoActionsAndAPostIsRefused() {
        String id = console.active("审计专用章");
        ConsoleClient auditor = console.as(console.auditor);

        ConsoleClient.Page page = auditor.get("/console/seals/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Active", "image.png").doesNotContain("id=\"suspend\"", "id=\"revoke-form\"", "id=\"stamp-link\"");
        assertThat(auditor.get("/console/seals").body()).contains("审计专用章").doesNotContain("id=\"make-link\"");

        ConsoleClient.Page refused = auditor.post("/console/seals/" + id + "/suspend", Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Not allowed");
        assertThat(auditor.get("/console/seals/" + id).body()).contains("Active");
    }

    @Test
    void actionWhenPostedWithoutTheCsrfTokenThenRefused() {
        String id = console.make("令牌专用章");
        ConsoleClient approver = console.as(console.approver);
        approver.get("/console/seals/" + id);

        assertThat(approver.postWithoutToken("/console/seals/" + id + "/approve", Map.of()).status()).isEqualTo(403);
        assertThat(approver.get("/console/seals/" + id).body()).contains("Awaiting approval");
    }

    @Test
    void stampWhenKeeperUploadsAPdfThenStampedPdfDownloadedAndTheUsageListed() throws Exception {
        String id = console.active("盖章专用章");
        ConsoleClient keeper = console.as(console.keeper);
        assertThat(keeper.get("/console/stamp?seal=" + id).body()).contains("盖章专用章");

        ConsoleClient.Download stamped = keeper.postMultipart("/console/stamp", Map.of("seal", id, "placement", "position", "page", "1",
                "x", "380", "y", "80", "level", "B-B"), List.of(new ConsoleClient.FilePart("document", "contract 1.pdf",
                TestDocuments.onePage("console stamp"))));

        assertThat(stamped.status()).as(new String(stamped.body())).isEqualTo(200);
        assertThat(stamped.contentType()).isEqualTo("application/pdf");
        assertThat(stamped.contentDisposition()).isEqualTo("attachment; filename=\"contract_1-stamped.pdf\"");
        assertThat(new String(stamped.body(), 0, 5)).isEqualTo("%PDF-");
        assertThat(services.trustServiceVerify(stamped.body()).get("indication").asString()).isEqualTo("TOTAL_PASSED");
        assertThat(console.as(console.auditor).get("/console/seals/" + id).body()).contains(SealConsole.KEEPER, "B-B");

        ConsoleClient.Download notPdf = keeper.postMultipart("/console/stamp", Map.of("seal", id), List.of(
                new ConsoleClient.FilePart("document", "notes.txt", "hello".getBytes())));
        assertThat(notPdf.status()).isEqualTo(400);
        assertThat(new String(notPdf.body())).contains("the console stamps PDFs");
    }

    @Test
    void previewWhenTypedThenTheServerDrawsItAndWithoutScriptThePreviewButtonShowsIt() {
        ConsoleClient maker = console.as(console.maker);
        ConsoleClient.Page drawn = maker.get("/console/seals/preview.png?name=%E5%90%88%E5%90%8C%E4%B8%93%E7%94%A8%E7%AB%A0"
                + "&organization=%E5%8C%97%E4%BA%AC%E5%B8%82&type=CONTRACT");
        assertThat(drawn.status()).isEqualTo(200);
        assertThat(drawn.body()).contains("PNG");
        assertThat(maker.get("/console/seals/preview.png?name=" + "x".repeat(40) + "&organization=org").status()).isEqualTo(400);

        maker.get("/console/seals/new");
        ConsoleClient.Download preview = maker.postMultipart("/console/seals/new", Map.of("name", "合同专用章", "organization", "北京市",
                "type", "CONTRACT", "algorithm", "EC-P256", "keepers", "", "action", "preview"), List.of());
        assertThat(preview.status()).isEqualTo(200);
        assertThat(new String(preview.body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("id=\"preview\"", "src=\"/console/seals/preview.png?name=", "value=\"合同专用章\"");
    }

    @Test
    void makeWhenRefusedThenTheFormShowsWhyAndKeepsTheInput() {
        ConsoleClient maker = console.as(console.maker);
        maker.get("/console/seals/new");

        ConsoleClient.Download refused = maker.postMultipart("/console/seals/new", Map.of("name", "退回专用章", "organization", "北京市",
                "type", "CONTRACT", "algorithm", "DSA-1024", "keepers", "", "action", "make"), List.of());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("id=\"refusal\"", "algorithm must be one of",
                "退回专用章");
    }

    @Test
    void keeperWhenOpeningTheMakeFormThenRefusedAndAnAuditorCannotOpenTheStampForm() {
        ConsoleClient keeper = console.as(console.keeper);
        assertThat(keeper.get("/console/seals/new").status()).isEqualTo(403);
        String own = console.active("自有专用章");
        assertThat(keeper.get("/console/seals").body()).contains("自有专用章");
        assertThat(console.as(console.auditor).get("/console/stamp").status()).isEqualTo(403);
        assertThat(keeper.get("/console/seals/" + own).status()).isEqualTo(200);
    }

    @Test
    void languageWhenSwitchedToChineseThenSealPagesInChinese() {
        ConsoleClient auditor = console.as(console.auditor);
        assertThat(auditor.get("/console/seals?lang=zh_CN").body()).contains("印章，最新的在前", "lang=\"zh-CN\"");
        assertThat(auditor.get("/console/seals?lang=en").body()).contains("Seals, newest first");
    }
}
