package org.fujie.bench.login;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.fujie.bench.LoadGenerator;
import org.fujie.bench.Transport;
import org.fujie.bench.ocsp.FlatJson;

/**
 * What must hold before anything is timed, or the benchmark could count refusals as logins: a login gives a token
 * that verifies under the published keys for the user who logged in (and the judge refuses it once changed); a
 * signature over another nonce and a revoked user's certificate are both refused with the log-in problem; the
 * validation reference says valid. Any difference stops the run.
 */
final class LoginChecks {

    static final String LOGIN_FAILED = "urn:fujie:problem:login-failed";

    private LoginChecks() {
    }

    /** @return the good login's token answer, for the ceiling's token-sized signing input */
    static Map<String, String> run(Transport.Connection trust, Transport.Connection trustAdmin, TokenJudge judge, LoginUser user,
            LoginUser revoked) throws Exception {
        LoginClient.Attempt good = LoginClient.login(trust, user, null);
        require(good.failure() == null, "a login of " + user.subject() + " failed: " + good.failure());
        String token = good.token().get("access_token");
        String problem = judge.problem(token, user.subject());
        require(problem == null, "the token of " + user.subject() + " is not good: " + problem);
        require(judge.problem(tampered(token), user.subject()) != null, "the judge accepted a token whose payload was changed");
        log("check: login of %s gives a token that verifies under trust-service's JWKS (%d key(s)), sub matches; a changed"
                + " payload is refused", user.subject(), judge.keyCount());

        refused(LoginClient.login(trust, user, "another nonce"), "a signature over another nonce", "does not verify");
        log("check: a signature over another nonce is refused (401 %s)", LOGIN_FAILED);
        refused(LoginClient.login(trust, revoked, null), "the revoked " + revoked.subject(), "REVOKED");
        log("check: the revoked user %s is refused (401 %s, REVOKED)", revoked.subject(), LOGIN_FAILED);

        LoadGenerator.Failure validation = LoginClient.validations(java.util.List.of(user)).run(trustAdmin);
        require(validation == null, "validation of " + user.subject() + ": " + validation);
        log("check: POST %s says valid for %s", LoginClient.VALIDATE, user.subject());
        return good.token();
    }

    private static void refused(LoginClient.Attempt attempt, String what, String detailMustContain) {
        require(attempt.failure() != null, what + " was let in");
        require(attempt.failure().kind().equals("token HTTP 401"), what + ": " + attempt.failure());
        Map<String, String> body = FlatJson.parse(attempt.failure().detail());
        require(LOGIN_FAILED.equals(body.get("type")), what + ": problem type " + body.get("type"));
        require(String.valueOf(body.get("detail")).contains(detailMustContain), what + ": detail " + body.get("detail"));
    }

    /** The token with its jti changed (subject and expiry left alone, so only the signature can catch it). */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String original = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String payload = original.replaceFirst("\"jti\":\"", "\"jti\":\"X");
        require(!payload.equals(original), "the token has no jti: " + original);
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("pre-flight check failed: " + message);
        }
    }

    static void log(String format, Object... args) {
        System.out.println("[login] " + String.format(java.util.Locale.ROOT, format, args));
    }
}
