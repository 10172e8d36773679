package org.fujie.bench.tsa;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.fujie.pki.crypto.CryptoProviders;

/**
 * The TSA benchmark's Java side; bench/run-tsa.sh runs its steps around trust-service and wrk (see
 * bench/README.md, "TSA benchmark"):
 * <ol>
 * <li>{@code queries}: the DER time-stamp queries wrk sends, and a few as .tsq files for openssl ({@link Queries});</li>
 * <li>{@code check}: wait until the TSA grants, then send every query once and judge every reply ({@link ReplyCheck});</li>
 * <li>{@code ceiling}: the peers in this JVM kind: raw EC-P256 signatures with the TSA's own key, and pki-core's
 * TimeStampAuthority without HTTP ({@link Ceilings}).</li>
 * </ol>
 * Each step prints what it did and writes one JSON file into --dir for the script's summary.
 */
public final class TsaBench {

    static final String USAGE = String.join("\n",
            "usage: java -cp bench/target/bench-0.1.0-SNAPSHOT.jar org.fujie.bench.tsa.TsaBench STEP [--name value ...]",
            "  queries --dir D [--count 1000] [--samples 20]",
            "  check   --dir D --url URL --chain TRUST_CHAIN_PEM [--wait 120]",
            "  ceiling --dir D --data DATA [--threads CPUS] [--seconds 10] [--warmup 3] [--server-pid PID]");

    private TsaBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println(USAGE);
            System.exit(args.length == 0 ? 2 : 0);
        }
        CryptoProviders.bouncyCastle();
        Args options = Args.parse(args);
        int rc = switch (args[0]) {
            case "queries" -> Queries.run(options);
            case "check" -> ReplyCheck.run(options);
            case "ceiling" -> Ceilings.run(options);
            default -> {
                System.err.println("unknown step " + args[0] + "\n" + USAGE);
                yield 2;
            }
        };
        System.exit(rc);
    }

    static void log(String format, Object... args) {
        System.out.println("[tsa] " + String.format(Locale.ROOT, format, args));
    }

    /** {@code --name value} pairs after the step. */
    record Args(Map<String, String> values) {

        static Args parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (int i = 1; i < args.length; i += 2) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value, got " + args[i] + "\n" + USAGE);
                }
                values.put(args[i].substring(2), args[i + 1]);
            }
            return new Args(values);
        }

        String text(String name, String fallback) {
            String value = values.getOrDefault(name, fallback);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + " is required\n" + USAGE);
            }
            return value;
        }

        int number(String name, int fallback) {
            return Integer.parseInt(text(name, Integer.toString(fallback)));
        }
    }
}
