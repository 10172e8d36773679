package org.fujie.bench.login;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fujie.bench.BenchArgs;
import org.fujie.bench.LoadGenerator;
import org.fujie.bench.SigningCeiling;
import org.fujie.bench.TlsMaterial;
import org.fujie.bench.Transport;
import org.fujie.bench.ocsp.Api;
import org.fujie.pki.crypto.CryptoProviders;

/**
 * The login benchmark (issue 8): certificate logins per second against a running trust-service and ca-service, end
 * to end over HTTPS with keep-alive (challenge, signature over the nonce by the client, token), N EC-P256 users made
 * through ca-service's API; checked before timing (see {@link LoginChecks}); then per client count the references of
 * the same run: certificate validation over HTTPS and the challenge alone; and once the in-process ceiling of the
 * crypto a login needs ({@link LoginCeiling}). See bench/README.md, "Login benchmark".
 */
public final class LoginBench {

    static final String USAGE = String.join("\n",
            "usage: java -cp bench/target/bench-0.1.0-SNAPSHOT.jar org.fujie.bench.login.LoginBench [options]",
            "  --trust-url URL        trust-service (default https://127.0.0.1:18445)",
            "  --ca-url URL           ca-service, which issues and revokes the users (default https://127.0.0.1:18443)",
            "  --data DIR             the services' data dir: bootstrap/admin.p12, admin.pass, trust-chain.pem (default ./data)",
            "  --users N              EC-P256 user-auth users, logging in round robin (default 500)",
            "  --clients N,M          client counts, one after the other (default 16,64)",
            "  --seconds S            measured seconds of logins per client count (default 20)",
            "  --warmup S|auto        warm-up before the first client count (default auto, as the issuance benchmark's);",
            "                         later client counts settle for 10 s",
            "  --reference-seconds S  measured seconds of the validation and challenge references, 0 for none (default 10)",
            "  --ceiling-threads N    threads of the in-process crypto ceiling (default 2)",
            "  --ceiling-seconds S    measured seconds of the ceiling, 0 for none (default 10)",
            "  --ceiling-warmup S     warm-up of the ceiling: this JVM has verified no certificate yet (default 15)",
            "  --parts-seconds S      measured seconds of each part of the ceiling alone, 0 for none (default 3)",
            "  --trust-pid P, --ca-pid P   the services' PIDs, for their CPU use (the script passes them)",
            "  --out DIR              results directory (default bench/results)",
            "  --label TEXT           free text stored with the results");

    static final String PASSWORD = "bench user password";
    private static final int SETTLE_SECONDS = 10;
    private static final int REFERENCE_WARMUP_SECONDS = 5;

    private LoginBench() {
    }

    public static void main(String[] arguments) throws Exception {
        BenchArgs args = BenchArgs.parse(arguments, USAGE);
        URI trustUrl = URI.create(args.text("trust-url", "https://127.0.0.1:18445"));
        URI caUrl = URI.create(args.text("ca-url", "https://127.0.0.1:18443"));
        Path data = Path.of(args.text("data", "data"));
        int userCount = args.integer("users", 500);
        int[] clientCounts = args.integers("clients", "16,64");
        int seconds = args.integer("seconds", 20);
        String warmupText = args.text("warmup", "auto");
        int warmup = warmupText.equals("auto") ? -1 : Integer.parseInt(warmupText);
        int referenceSeconds = args.integer("reference-seconds", 10);
        int ceilingThreads = args.integer("ceiling-threads", 2);
        int ceilingSeconds = args.integer("ceiling-seconds", 10);
        int ceilingWarmup = args.integer("ceiling-warmup", 15);
        int partsSeconds = args.integer("parts-seconds", 3);
        long trustPid = args.integer("trust-pid", 0);
        long caPid = args.integer("ca-pid", 0);
        Path out = Path.of(args.text("out", "bench/results"));
        String label = args.text("label", "");
        args.done();

        CryptoProviders.bouncyCastle();
        TlsMaterial tls = TlsMaterial.load(data);
        Instant at = Instant.now();
        List<LoginUser> users;
        LoginUser revoked;
        try (Api ca = new Api(tls, caUrl)) {
            String run = Long.toString(at.getEpochSecond(), 36);
            List<LoginUser> made = ca.parallel("issue users", userCount + 1, 4, (connection, i) -> LoginUser.of(
                    Api.issueWithKey(connection, "user-auth", "CN=Bench User " + i + " " + run + ",O=Fujie Bench", "EC-P256", PASSWORD),
                    PASSWORD)).results();
            users = List.copyOf(made.subList(0, userCount));
            revoked = made.get(userCount);
            try (Transport.Connection connection = ca.open()) {
                Api.revoke(connection, revoked.serial(), "keyCompromise");
            }
        }

        int maxClients = java.util.Arrays.stream(clientCounts).max().orElse(1);
        List<LoginReport> reports = new ArrayList<>();
        try (Transport anonymous = Transport.create("raw", tls.anonymousSslContext(), trustUrl, maxClients);
             Transport admin = Transport.create("raw", tls.sslContext(), trustUrl, maxClients)) {
            Map<String, String> token;
            try (Transport.Connection trust = anonymous.open(); Transport.Connection trustAdmin = admin.open()) {
                token = LoginChecks.run(trust, trustAdmin, TokenJudge.fetch(trustUrl, tls.anonymousSslContext()), users.get(0), revoked);
            }
            List<LoadGenerator.Result[]> runs = new ArrayList<>();
            for (int k = 0; k < clientCounts.length; k++) {
                int clients = clientCounts[k];
                LoginChecks.log("logins: %d clients, %s warm-up + %d s measured ...", clients,
                        k > 0 ? SETTLE_SECONDS + " s" : warmup < 0 ? "automatic" : warmup + " s", seconds);
                LoadGenerator.Result logins = new LoadGenerator(anonymous, LoginClient.logins(users))
                        .run(clients, "raw", k > 0 ? SETTLE_SECONDS : warmup, seconds, trustPid, caPid);
                LoginChecks.log("logins: %.0f/s, %d errors", logins.perSecond(), logins.errorCount());
                LoadGenerator.Result validations = null;
                LoadGenerator.Result challenges = null;
                if (referenceSeconds > 0) {
                    validations = reference("validations", admin, LoginClient.validations(users), clients, referenceSeconds, trustPid, caPid);
                    challenges = reference("challenges", anonymous, LoginClient.challenges(), clients, referenceSeconds, trustPid, caPid);
                }
                runs.add(new LoadGenerator.Result[] {logins, validations, challenges});
            }
            SigningCeiling.Result ceiling = null;
            Map<String, SigningCeiling.Result> parts = Map.of();
            String keys = "";
            if (ceilingSeconds > 0) {
                LoginCeiling crypto = new LoginCeiling(users, token.get("access_token"));
                keys = crypto.keys();
                LoginChecks.log("ceiling (%s): %d threads, %d s warm-up + %d s measured ...", keys, ceilingThreads, ceilingWarmup,
                        ceilingSeconds);
                ceiling = crypto.measure(ceilingThreads, ceilingWarmup, ceilingSeconds, trustPid);
                LoginChecks.log("ceiling: %.0f logins' crypto/s", ceiling.perSecond());
                if (partsSeconds > 0) {
                    parts = crypto.parts(ceilingThreads, partsSeconds, trustPid);
                    parts.forEach((part, rate) -> LoginChecks.log("  %s: %.0f/s", part, rate.perSecond()));
                }
            }
            for (LoadGenerator.Result[] r : runs) {
                reports.add(new LoginReport(at, label, users.size(), r[0], r[1], r[2], ceiling, keys, parts));
            }
        }
        for (LoginReport report : reports) {
            report.print(System.out);
        }
        for (LoginReport report : reports) {
            System.out.println("result: " + report.write(out).toAbsolutePath());
        }
        System.exit(reports.stream().allMatch(r -> r.logins().successes() > 0) ? 0 : 1);
    }

    private static LoadGenerator.Result reference(String what, Transport transport, LoadGenerator.Exchange exchange, int clients,
            int seconds, long trustPid, long caPid) throws InterruptedException {
        LoginChecks.log("%s: %d clients, %d s warm-up + %d s measured ...", what, clients, REFERENCE_WARMUP_SECONDS, seconds);
        LoadGenerator.Result result = new LoadGenerator(transport, exchange).run(clients, "raw", REFERENCE_WARMUP_SECONDS, seconds,
                trustPid, caPid);
        LoginChecks.log(String.format(Locale.ROOT, "%s: %.0f/s, %d errors", what, result.perSecond(), result.errorCount()));
        return result;
    }
}
