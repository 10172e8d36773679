package org.fujie.ca.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fujie.ca.support.ConsoleClient;
import org.fujie.ca.support.EmbeddedCaServiceTest;
import org.fujie.ca.support.matrix.ClientCertificates;
import org.fujie.ca.support.matrix.EndpointDiscovery;
import org.fujie.ca.support.matrix.Rule;
import org.fujie.service.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every console page of the running ca-service, opened or posted (with a valid CSRF token) by a certificate of each
 * role and by a browser without one, answers as {@link ConsoleMatrix} says: allowed, anything but a refusal or a
 * log-in redirect (the samples name nothing real, so actions end in 400 or 404 and change nothing); refused, the 403
 * page; without a credential, the redirect to the log-in page.
 */
class ConsoleRoleMatrixTests extends EmbeddedCaServiceTest {

    private ClientCertificates roles;

    @BeforeAll
    void issueRoleCertificates() {
        roles = ClientCertificates.issuedBy(ca).grantedIn(ca.admin());
    }

    @Test
    void matrixWhenComparedWithTheRunningServiceThenEveryConsolePageHasExactlyOneRule() {
        assertThat(ConsoleMatrix.TABLE.coverageProblems(EndpointDiscovery.filtered(EndpointDiscovery.of(ca.context()), "/console", true),
                "ca-service")).isEmpty();
    }

    /** As for the API, except the issue form: a page that exists only to act, so AUDITOR does not get it. */
    @Test
    void matrixWhenReadThenAuditorReadsEverythingAndChangesNothing() {
        assertThat(ConsoleMatrix.TABLE.auditorProblems())
                .containsExactly("ConsoleMatrix hides GET /console/certificates/new from AUDITOR, who reads everything");
    }

    @Test
    void everyPageWhenCalledWithEachRoleAndWithoutCredentialThenAllowedOrRefusedAsTheMatrixSays() {
        List<String> violations = new ArrayList<>();
        for (Role role : Role.values()) {
            ConsoleClient browser = ConsoleClient.withCertificate(ca.baseUrl(), roles.pkcs12(role), roles.password(), ca.trustChain());
            for (Rule rule : ConsoleMatrix.TABLE.rules()) {
                ConsoleClient.Page page = call(browser, rule);
                boolean refused = page.status() == 403 || (page.status() == 302 && page.location().contains("/console/login"));
                if (rule.allows(role) || rule.open()) {
                    if (refused || page.status() >= 500) {
                        violations.add(rule.endpoint() + " as " + role + ": expected to pass, got " + page.status());
                    }
                } else if (page.status() != 403) {
                    violations.add(rule.endpoint() + " as " + role + ": expected 403, got " + page.status());
                }
            }
        }
        ConsoleClient anonymous = ConsoleClient.anonymous(ca);
        for (Rule rule : ConsoleMatrix.TABLE.rules()) {
            ConsoleClient.Page page = call(anonymous, rule);
            boolean toLogin = page.status() == 302 && page.location().endsWith("/console/login");
            boolean passed = page.status() == 200 || (page.status() == 302 && !toLogin);
            if (rule.open() ? !passed : !toLogin && !(rule.allowed().isEmpty() && page.status() == 403)) {
                violations.add(rule.endpoint() + " without credential: got " + page.status() + " " + page.location());
            }
        }
        assertThat(violations).isEmpty();
    }

    private static ConsoleClient.Page call(ConsoleClient browser, Rule rule) {
        String path = rule.sample().path(rule.endpoint().pattern());
        if (!rule.endpoint().method().equals("POST")) {
            return browser.get(path);
        }
        browser.get("/console/login"); // a page with a form: its CSRF token
        return browser.post(path, Map.of());
    }
}
