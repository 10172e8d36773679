package org.fujie.ca.support.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fujie.ca.support.ConsoleClient;
import org.fujie.service.security.Role;

/**
 * Opens or posts (with a valid CSRF token) every row of a console matrix as a browser with each role's certificate and
 * as one without, and says where the console's answer differs from the row: allowed, anything but a refusal, a log-in
 * redirect or a 5xx (the samples name nothing real, so actions end in 400 or 404 and change nothing); refused, the 403
 * page; without a credential, the redirect to the log-in page (a row for no one: its 403).
 */
public final class ConsoleMatrixWalk {

    private ConsoleMatrixWalk() {
    }

    public static List<String> violations(RoleMatrix matrix, String baseUrl, ClientCertificates roles) {
        List<String> violations = new ArrayList<>();
        for (Role role : Role.values()) {
            ConsoleClient browser = roles.browser(role, baseUrl);
            for (Rule rule : matrix.rules()) {
                ConsoleClient.Page page = call(browser, rule);
                boolean refused = page.status() == 403 || toLogin(page);
                if (rule.allows(role)) {
                    if (refused || page.status() >= 500) {
                        violations.add(rule.endpoint() + " as " + role + ": allowed by " + matrix.name() + ", got " + page.status());
                    }
                } else if (page.status() != 403) {
                    violations.add(rule.endpoint() + " as " + role + ": expected 403, got " + page.status());
                }
            }
        }
        ConsoleClient anonymous = roles.anonymousBrowser(baseUrl);
        for (Rule rule : matrix.rules()) {
            ConsoleClient.Page page = call(anonymous, rule);
            boolean passed = page.status() == 200 || (page.status() == 302 && !toLogin(page));
            boolean expected = rule.open() ? passed : toLogin(page) || (rule.allowed().isEmpty() && page.status() == 403);
            if (!expected) {
                violations.add(rule.endpoint() + " without credential: got " + page.status() + " " + page.location());
            }
        }
        return violations;
    }

    private static boolean toLogin(ConsoleClient.Page page) {
        return page.status() == 302 && page.location() != null && page.location().endsWith("/console/login");
    }

    private static ConsoleClient.Page call(ConsoleClient browser, Rule rule) {
        String path = rule.sample().path(rule.endpoint().pattern());
        if (!rule.requestMethod().equals("POST")) {
            return browser.get(path);
        }
        browser.get("/console/login"); // a page with a form: its CSRF token
        return browser.post(path, Map.of());
    }
}
