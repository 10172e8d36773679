package org.fujie.sample;

import org.fujie.client.boot.principal.FujiePrincipal;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** {@code GET /}: a page greeting the user, rendered on the server (every value escaped, no script). */
@RestController
class GreetingController {

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    String greeting(@AuthenticationPrincipal FujiePrincipal principal) {
        MeView me = MeView.of(principal);
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>Fujie sample application</title></head>
                <body>
                <h1>Hello, %s</h1>
                <dl>
                <dt>Organization</dt><dd id="organization">%s</dd>
                <dt>Roles</dt><dd id="roles">%s</dd>
                <dt>Logged in with</dt><dd id="login-method">%s</dd>
                <dt>Certificate serial</dt><dd id="serial">%s</dd>
                </dl>
                </body>
                </html>
                """.formatted(html(me.subject()), html(me.organization() == null ? "(none)" : me.organization()),
                html(me.roles().isEmpty() ? "(none)" : String.join(", ", me.roles())), html(describe(me.loginMethod())),
                html(me.serial()));
    }

    private static String describe(String loginMethod) {
        return switch (loginMethod) {
            case "MUTUAL_TLS" -> "your certificate (mutual TLS), checked with Fujie's trust-service";
            case "BEARER_TOKEN" -> "a token from Fujie's trust-service";
            default -> loginMethod;
        };
    }

    private static String html(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
