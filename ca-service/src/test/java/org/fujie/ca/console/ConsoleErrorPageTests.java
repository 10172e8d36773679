package org.fujie.ca.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.fujie.ca.support.ConsoleClient;
import org.fujie.ca.support.DeclaredLengthRequest;
import org.fujie.ca.support.EmbeddedCaServiceTest;
import org.fujie.service.web.SecurityHeadersFilter;
import org.junit.jupiter.api.Test;

/**
 * Errors on console paths that no console controller handles (a method the URL does not take, a body above the size
 * limit) are the console's error page, with the problem's status, title, detail and type and the console's policy,
 * while the API keeps answering problem JSON (SecurityHeadersTests). A page that fails to render reaches the same page
 * by the same error dispatch as the 413; no console page can be made to fail on purpose, so it is not provoked here.
 */
class ConsoleErrorPageTests extends EmbeddedCaServiceTest {

    @Test
    void methodWhenTheConsoleUrlDoesNotTakeItThen405AsTheConsolesErrorPage() {
        ConsoleClient admin = ConsoleClient.admin(ca);
        admin.get("/console/login"); // its CSRF token: without one the PUT would be refused before it is routed

        ConsoleClient.Page page = admin.submit("PUT", "/console/login", Map.of());

        assertThat(page.status()).isEqualTo(405);
        assertThat(page.contentSecurityPolicy()).isEqualTo(SecurityHeadersFilter.CONSOLE_CSP);
        assertThat(page.body()).startsWith("<!DOCTYPE html>").contains("Method not allowed", "Method &#39;PUT&#39; is not supported",
                "urn:fujie:problem:method-not-allowed").doesNotContain("\"type\":");
    }

    @Test
    void bodyWhenAboveTheLimitOnAConsolePathThen413AsTheConsolesErrorPage() throws Exception {
        HttpResponse<String> tooLarge = DeclaredLengthRequest.post(ca.baseUrl(), "/console/certificates/new",
                "application/x-www-form-urlencoded", 2_000_010, ca.dataDir());

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(tooLarge.headers().allValues("Content-Security-Policy")).containsExactly(SecurityHeadersFilter.CONSOLE_CSP);
        assertThat(tooLarge.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(tooLarge.headers().allValues("Strict-Transport-Security")).isNotEmpty();
        assertThat(tooLarge.body()).contains("The request body is too large", "at most 1048576 bytes are accepted",
                "urn:fujie:problem:request-too-large");
    }
}
