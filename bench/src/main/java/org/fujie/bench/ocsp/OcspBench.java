package org.fujie.bench.ocsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.fujie.pki.crypto.CryptoProviders;

/**
 * The OCSP benchmark's Java side; bench/run-ocsp.sh runs its steps in order around the responders
 * and wrk (see bench/README.md):
 * <ol>
 * <li>{@code prepare}: issue and revoke the certificates through ca-service's API, issue the OpenSSL
 * responder's certificate, write index.txt and the request set ({@link Fixture});</li>
 * <li>{@code check}: ask one responder every request of the set and judge each answer ({@link Check});</li>
 * <li>{@code rate}: the raw signing rate of each algorithm's CA key, in process ({@link SigningRates});</li>
 * <li>{@code scale}: revoke up to N certificates, time single revocations and the full CRL ({@link RevocationScale});</li>
 * <li>{@code report}: the summary of wrk's rows, the checks and the scale run ({@link Summary}).</li>
 * </ol>
 */
public final class OcspBench {

    static final String USAGE = String.join("\n",
            "usage: java -cp bench/target/bench-0.1.0-SNAPSHOT.jar org.fujie.bench.ocsp.OcspBench STEP [--name value ...]",
            "  prepare --dir D --url HTTPS --data DATA --public HTTP [--algorithm EC-P256|SM2] [--certificates 10000]",
            "          [--revoked-share 0.1] [--unknown-share 0.1] [--nonce-requests 1000] [--clients 16]",
            "  check   --dir D --name NAME --ocsp URL [--requests requests.tsv] [--get N] [--wait SECONDS]",
            "  rate    --dir D --data DATA [--algorithms EC-P256,SM2] [--threads CORES] [--seconds 5] [--server-pid PID]",
            "  scale   --dir D --url HTTPS --data DATA --public HTTP [--revoked 100000] [--timed 200] [--clients 16]",
            "          [--ocsp-wait 60]",
            "  report  --dir D --out DIR [--label TEXT]");

    private OcspBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println(USAGE);
            System.exit(args.length == 0 ? 2 : 0);
        }
        CryptoProviders.bouncyCastle();
        Args options = Args.parse(args);
        int rc = switch (args[0]) {
            case "prepare" -> Fixture.run(options);
            case "check" -> Check.run(options);
            case "scale" -> RevocationScale.run(options);
            case "rate" -> SigningRates.run(options);
            case "report" -> Summary.run(options);
            default -> {
                System.err.println("unknown step " + args[0] + "\n" + USAGE);
                yield 2;
            }
        };
        System.exit(rc);
    }

    static void log(String format, Object... args) {
        System.out.println("[ocsp] " + String.format(Locale.ROOT, format, args));
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

        int integer(String name, int fallback) {
            return Integer.parseInt(text(name, Integer.toString(fallback)));
        }

        double decimal(String name, double fallback) {
            return Double.parseDouble(text(name, Double.toString(fallback)));
        }

        Path path(String name, String fallback) {
            return Path.of(text(name, fallback)).toAbsolutePath().normalize();
        }

        URI uri(String name, String fallback) {
            String value = text(name, fallback);
            return URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        }
    }
}
