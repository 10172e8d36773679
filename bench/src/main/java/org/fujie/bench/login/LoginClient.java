package org.fujie.bench.login;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.fujie.bench.LoadGenerator;
import org.fujie.bench.Transport;
import org.fujie.bench.ocsp.FlatJson;

/**
 * One certificate log-in over a keep-alive connection to trust-service, as a user's software does it: POST
 * /api/v1/auth/challenge, sign the nonce, POST /api/v1/auth/token. A login succeeds only with a 200 that carries a
 * bearer token for the user who logged in; anything else is a failure of its kind.
 */
final class LoginClient {

    static final String CHALLENGE = "/api/v1/auth/challenge";
    static final String TOKEN = "/api/v1/auth/token";
    static final String VALIDATE = "/api/v1/certificates/validate";
    private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.US_ASCII);

    /** What a login ended with: the token answer's members (null unless 200), or the failure. */
    record Attempt(Map<String, String> token, LoadGenerator.Failure failure) {
    }

    private LoginClient() {
    }

    /** A login with the right signature over the nonce given, or over {@code nonceOverride} when not null. */
    static Attempt login(Transport.Connection connection, LoginUser user, String nonceOverride) throws Exception {
        Transport.Response challenge = connection.post(CHALLENGE, EMPTY);
        if (challenge.status() != 200) {
            return new Attempt(null, LoadGenerator.Failure.status("challenge ", challenge));
        }
        Map<String, String> issued = FlatJson.parse(new String(challenge.body(), StandardCharsets.UTF_8));
        String nonce = nonceOverride != null ? nonceOverride : issued.get("nonce");
        Transport.Response token = connection.post(TOKEN, user.tokenRequest(issued.get("challengeId"), user.sign(nonce)));
        if (token.status() != 200) {
            return new Attempt(null, LoadGenerator.Failure.status("token ", token));
        }
        Map<String, String> answer = FlatJson.parse(new String(token.body(), StandardCharsets.UTF_8));
        String accessToken = answer.get("access_token");
        if (accessToken == null || accessToken.isEmpty() || !"Bearer".equals(answer.get("token_type"))) {
            return new Attempt(null, new LoadGenerator.Failure("token 200 without a bearer token", FlatJson.abbreviate(answer.toString())));
        }
        if (!user.subject().equals(answer.get("subject"))) {
            return new Attempt(null, new LoadGenerator.Failure("token for another subject", answer.get("subject") + " for " + user.subject()));
        }
        return new Attempt(answer, null);
    }

    /** Full logins, the users taken round robin. */
    static LoadGenerator.Exchange logins(List<LoginUser> users) {
        AtomicInteger next = new AtomicInteger();
        return connection -> login(connection, users.get(Math.floorMod(next.getAndIncrement(), users.size())), null).failure();
    }

    /** Only the first step of a login: a challenge (200 with a challenge id and a nonce). */
    static LoadGenerator.Exchange challenges() {
        return connection -> {
            Transport.Response challenge = connection.post(CHALLENGE, EMPTY);
            if (challenge.status() != 200) {
                return LoadGenerator.Failure.status("challenge ", challenge);
            }
            String body = new String(challenge.body(), StandardCharsets.UTF_8);
            return body.contains("\"nonce\"") && body.contains("\"challengeId\"") ? null
                    : new LoadGenerator.Failure("challenge 200 without a nonce", body);
        };
    }

    /**
     * The reference without log-in: POST /api/v1/certificates/validate of the users' certificates for TLS_CLIENT (path
     * and revocation, as a login checks them), on a connection with a client certificate that has a role (ADMIN).
     */
    static LoadGenerator.Exchange validations(List<LoginUser> users) {
        List<byte[]> bodies = users.stream().map(LoginUser::validationRequest).toList();
        AtomicInteger next = new AtomicInteger();
        return connection -> {
            Transport.Response answer = connection.post(VALIDATE, bodies.get(Math.floorMod(next.getAndIncrement(), bodies.size())));
            if (answer.status() != 200) {
                return LoadGenerator.Failure.status("validate ", answer);
            }
            String body = new String(answer.body(), StandardCharsets.UTF_8);
            return "true".equals(FlatJson.parse(body).get("valid")) ? null : new LoadGenerator.Failure("validate: not valid", body);
        };
    }
}
