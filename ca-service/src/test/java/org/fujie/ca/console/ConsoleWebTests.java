package org.fujie.ca.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.fujie.ca.support.ConsoleClient;
import org.fujie.ca.support.EmbeddedCaServiceTest;
import org.fujie.ca.support.TestCertificates;
import org.fujie.ca.support.matrix.ClientCertificates;
import org.fujie.service.security.Role;
import org.fujie.service.web.SecurityHeadersFilter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's server side over real mutual TLS: who sees which buttons, who may post what, CSRF, the CSP, the
 * language switch. The browser itself is driven in ConsoleBrowserTests.
 */
class ConsoleWebTests extends EmbeddedCaServiceTest {

    private ClientCertificates roles;

    @BeforeAll
    void grantRoles() {
        roles = ClientCertificates.issuedBy(ca).grantedIn(ca.admin());
    }

    private ConsoleClient as(Role role) {
        return ConsoleClient.withCertificate(ca.baseUrl(), roles.pkcs12(role), roles.password(), ca.trustChain());
    }

    private String issue(String cn) {
        return TestCertificates.tlsClient(ca, "CN=" + cn + ",O=Console Tests", "console-tests").serial();
    }

    @Test
    void everyPageWhenOpenedByAdminThenRenderedUnderTheStrictPolicyWithoutInlineScriptOrStyle() {
        String serial = issue("Pages");
        ConsoleClient admin = ConsoleClient.admin(ca);
        for (String path : new String[] {"/console/", "/console/certificates", "/console/certificates/" + serial,
                "/console/certificates/new", "/console/cas", "/console/cas/issuing", "/console/cas/root", "/console/profiles",
                "/console/audit", "/console/login"}) {
            ConsoleClient.Page page = admin.get(path);
            assertThat(page.status()).as(path + ": " + page.body()).isEqualTo(200);
            assertThat(page.contentSecurityPolicy()).as(path).isEqualTo(SecurityHeadersFilter.CONSOLE_CSP);
            assertThat(page.body()).as(path).doesNotContain("<script", " style=", " onclick=", "javascript:");
        }
    }

    @Test
    void inventoryWhenFilteredAndPagedThenShowsTheMatchingCertificatesPageByPage() {
        String first = issue("Inventory Alpha");
        String second = issue("Inventory Alpha");
        ca.admin().post("/api/v1/certificates/" + first + "/revoke", Map.of("reason", "superseded"));
        ConsoleClient auditor = as(Role.AUDITOR);

        ConsoleClient.Page pageOne = auditor.get("/console/certificates?subject=inventory+alpha&size=1");
        assertThat(pageOne.body()).contains("1–1 of 2", "rel=\"next\"").doesNotContain("rel=\"prev\"");
        String next = pageOne.body().replaceFirst("(?s).*href=\"([^\"]+)\" rel=\"next\".*", "$1").replace("&amp;", "&");
        assertThat(next).contains("subject=inventory+alpha", "page=1");
        assertThat(auditor.get(next).body()).contains("2–2 of 2", "rel=\"prev\"");

        ConsoleClient.Page revoked = auditor.get("/console/certificates?subject=Inventory+Alpha&status=REVOKED");
        assertThat(revoked.body()).contains(first).doesNotContain(second);
        assertThat(auditor.get("/console/certificates?serial=" + second.toUpperCase()).body()).contains(second).doesNotContain(first);
        assertThat(auditor.get("/console/certificates?subject=Inventory+Alpha&expiringDays=30").body()).contains("0–0 of 0");
        assertThat(auditor.get("/console/certificates?subject=Inventory+Alpha&expiringDays=800").body()).contains("1–2 of 2");
    }

    @Test
    void dashboardWhenOpenedThenCountsByStatusAndTheExpiryTimelineAsSvg() {
        ConsoleClient.Page weekly = ConsoleClient.admin(ca).get("/console/?days=90");
        assertThat(weekly.body()).contains("<svg", "class=\"bar\"", "one bar per week", "By status (", "Expired (never revoked)");
        ConsoleClient.Page monthly = ConsoleClient.admin(ca).get("/console/?days=800");
        assertThat(monthly.body()).contains("<svg", "one bar per calendar month", "next 730 days");
    }

    @Test
    void auditPageWhenBrowsedKeepsItsChainVerificationAMinuteAndVerifiesAgainWhenAsked() {
        ConsoleClient auditor = as(Role.AUDITOR);
        long first = entriesChecked(auditor.get("/console/audit").body());
        issue("Audit Page");   // new entries after the verification

        long kept = entriesChecked(auditor.get("/console/audit?page=1").body());
        long again = entriesChecked(auditor.get("/console/audit?verify=now").body());

        assertThat(kept).isEqualTo(first);
        assertThat(again).isGreaterThan(first);
    }

    private static long entriesChecked(String page) {
        java.util.regex.Matcher intact = java.util.regex.Pattern.compile("Intact: (\\d+) entries checked").matcher(page);
        assertThat(intact.find()).as(page).isTrue();
        assertThat(page).contains("Verified at", "verify=now");
        return Long.parseLong(intact.group(1));
    }

    @Test
    void auditorWhenViewingACertificateThenSeesItButNoActions() {
        String serial = issue("Auditor View");
        ConsoleClient auditor = as(Role.AUDITOR);

        ConsoleClient.Page page = auditor.get("/console/certificates/" + serial);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(serial, "Authority information access", "OCSP: URI: http", "CA issuers: URI: http",
                "CRL distribution points", "certificate.issue").doesNotContain("id=\"revoke-form\"", "id=\"hold\"", "/console/certificates/new");
        ConsoleClient.Page officer = as(Role.RA_OFFICER).get("/console/certificates/" + serial);
        assertThat(officer.body()).contains("id=\"revoke-form\"", "id=\"hold\"");
    }

    @Test
    void auditorWhenPostingARevocationThenRefusedWith403AndTheCertificateStaysValid() {
        String serial = issue("Auditor Post");
        ConsoleClient auditor = as(Role.AUDITOR);
        auditor.get("/console/certificates/" + serial);

        ConsoleClient.Page refused = auditor.post("/console/certificates/" + serial + "/revoke",
                Map.of("reason", "keyCompromise", "confirm", "yes"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Not allowed");
        assertThat(ca.admin().get("/api/v1/certificates/" + serial).json().get("status").asString()).isEqualTo("VALID");
        assertThat(ca.admin().get("/api/v1/audit?action=access.denied&target=" + serial).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void revocationWhenPostedWithoutTheCsrfTokenThenRefused() {
        String serial = issue("No Token");
        ConsoleClient admin = ConsoleClient.admin(ca);
        admin.get("/console/certificates/" + serial);

        ConsoleClient.Page refused = admin.postWithoutToken("/console/certificates/" + serial + "/revoke",
                Map.of("reason", "keyCompromise", "confirm", "yes"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(ca.admin().get("/api/v1/certificates/" + serial).json().get("status").asString()).isEqualTo("VALID");
    }

    @Test
    void revocationWhenNotConfirmedThenRefusedWithTheReasonShown() {
        String serial = issue("Unconfirmed");
        ConsoleClient officer = as(Role.RA_OFFICER);
        officer.get("/console/certificates/" + serial);

        ConsoleClient.Page refused = officer.post("/console/certificates/" + serial + "/revoke", Map.of("reason", "superseded"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("confirm the revocation");
        assertThat(ca.admin().get("/api/v1/certificates/" + serial).json().get("status").asString()).isEqualTo("VALID");
    }

    @Test
    void holdWhenPostedByAnOfficerThenOnHoldAndReleasedAgain() {
        String serial = issue("Hold");
        ConsoleClient officer = as(Role.RA_OFFICER);
        officer.get("/console/certificates/" + serial);

        ConsoleClient.Page held = officer.post("/console/certificates/" + serial + "/hold", Map.of());
        assertThat(held.status()).isEqualTo(302);
        assertThat(officer.get(held.location().replaceFirst("^https://[^/]+", "")).body()).contains("id=\"release\"", "put on hold");

        ConsoleClient.Page released = officer.post("/console/certificates/" + serial + "/release", Map.of());
        assertThat(released.status()).isEqualTo(302);
        assertThat(ca.admin().get("/api/v1/certificates/" + serial).json().get("status").asString()).isEqualTo("VALID");
        assertThat(ca.admin().get("/api/v1/audit?action=certificate.release&target=" + serial).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void keyGenerationWhenFormPostedThenPkcs12DownloadedAndThePasswordNeverShownOrAudited() throws Exception {
        String password = "console-secret-7c1";
        ConsoleClient officer = as(Role.RA_OFFICER);
        officer.get("/console/certificates/new");
        Map<String, String> form = new java.util.HashMap<>(Map.of("profile", "tls-client", "subject", "CN=Console Keygen,O=Console Tests",
                "sans", "", "algorithm", "EC-P256", "password", password, "passwordConfirmation", password));

        ConsoleClient.Download p12 = officer.postForDownload("/console/certificates/keygen", form);

        assertThat(p12.status()).isEqualTo(200);
        assertThat(p12.contentType()).isEqualTo("application/x-pkcs12");
        assertThat(p12.contentDisposition()).startsWith("attachment").endsWith(".p12\"");
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(new java.io.ByteArrayInputStream(p12.body()), password.toCharArray());
        assertThat(store.size()).isEqualTo(1);

        form.put("passwordConfirmation", "something else");
        ConsoleClient.Page refused = officer.post("/console/certificates/keygen", form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("the two passwords differ", "CN=Console Keygen").doesNotContain(password, "something else");
        assertThat(ca.admin().get("/api/v1/audit/export").body()).contains("CN=Console Keygen").doesNotContain(password);
    }

    @Test
    void issueWhenCsrRefusedThenTheFormShowsWhyAndKeepsTheInput() {
        ConsoleClient officer = as(Role.RA_OFFICER);
        officer.get("/console/certificates/new");

        ConsoleClient.Page refused = officer.post("/console/certificates/new", Map.of("profile", "tls-client", "csr", "not a CSR"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"refusal\"", "not a CSR");
    }

    @Test
    void roleWhenTakenAwayWhileTheConsoleIsOpenThenTheNextPageIsRefused() {
        TestCertificates.Issued leaving = TestCertificates.tlsClient(ca, "CN=Leaving Officer,O=Console Tests", "short-lived-officer");
        String grant = TestCertificates.grant(ca, leaving, "RA_OFFICER");
        ConsoleClient officer = ConsoleClient.withCertificate(ca.baseUrl(), leaving.pkcs12(), leaving.password(), ca.trustChain());
        assertThat(officer.get("/console/certificates").status()).isEqualTo(200);

        assertThat(ca.admin().delete("/api/v1/principals/" + grant).status()).isEqualTo(204);

        assertThat(officer.get("/console/certificates").status()).isEqualTo(403);
    }

    @Test
    void sessionCookieWhenSetThenSecureHttpOnlyAndSameSiteLax() {
        java.net.http.HttpResponse<String> login = ca.anonymous().exchange("GET", "/console/login", null, null);

        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("Secure", "HttpOnly", "SameSite=Lax"));
    }

    @Test
    void consoleWhenOpenedWithoutCredentialThenSentToTheLogInPage() {
        ConsoleClient.Page page = ConsoleClient.anonymous(ca).get("/console/certificates");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/console/login");
    }

    @Test
    void roleWithoutConsoleRightsWhenOpeningCertificatesThenRefusalPage() {
        ConsoleClient.Page page = as(Role.SEAL_KEEPER).get("/console/certificates");

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.contentSecurityPolicy()).isEqualTo(SecurityHeadersFilter.CONSOLE_CSP);
        assertThat(page.body()).contains("Not allowed").doesNotContain("Exception");
    }

    @Test
    void languageWhenSwitchedToChineseThenPagesInChineseUntilSwitchedBack() {
        ConsoleClient admin = ConsoleClient.admin(ca);

        assertThat(admin.get("/console/?lang=zh_CN").body()).contains("证书概览", "lang=\"zh-CN\"");
        assertThat(admin.get("/console/profiles").body()).contains("证书模板");
        assertThat(admin.get("/console/?lang=en").body()).contains("Certificates at a glance");
    }

    @Test
    void unknownCertificateWhenOpenedThenProblemShownReadably() {
        ConsoleClient.Page page = ConsoleClient.admin(ca).get("/console/certificates/00ff");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("no certificate with serial 00ff", "urn:fujie:problem:not-found").doesNotContain("at org.");
        // In Chinese the problem's title is Chinese; the detail stays as the service wrote it.
        ConsoleClient.Page chinese = ConsoleClient.admin(ca).get("/console/certificates/00ff?lang=zh_CN");
        assertThat(chinese.status()).isEqualTo(404);
        assertThat(chinese.body()).contains("<h1>未找到</h1>", "no certificate with serial 00ff");
    }
}
