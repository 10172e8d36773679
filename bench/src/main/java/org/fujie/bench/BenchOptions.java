package org.fujie.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fujie.pki.crypto.KeyAlgorithm;

/** The command line of {@link IssuanceBenchmark}: {@code --name value} pairs, all optional. */
record BenchOptions(
        URI url,
        Path dataDir,
        int clients,
        int seconds,
        int warmupSeconds,
        String profile,
        int csrPoolSize,
        String transport,
        int ceilingThreads,
        int ceilingSeconds,
        long serverPid,
        Path outDir,
        String label,
        List<KeyAlgorithm> algorithms) {

    static final String USAGE = String.join("\n",
            "usage: java -jar bench/target/bench-0.1.0-SNAPSHOT.jar [options]",
            "  --url URL              ca-service HTTPS base URL (default https://127.0.0.1:8443)",
            "  --data DIR             the service's data dir: bootstrap/admin.p12, admin.pass, trust-chain.pem,",
            "                         keys/ca-issuing.*, secrets/key-passphrase (default ./data)",
            "  --clients N            concurrent clients, one keep-alive connection each (default 32)",
            "  --seconds S            measured seconds, end-to-end and ceiling each (default 20)",
            "  --warmup S|auto        warm-up before the end-to-end measurement (default auto: at most 8 clients",
            "                         until the service's JIT is idle and the rate flat (30-240 s; needs",
            "                         --server-pid, else by the rate alone), then all clients for 10 s)",
            "  --profile P            certificate profile (default tls-server)",
            "  --csrs N               distinct CSRs pre-generated and cycled, per algorithm (default 2000)",
            "  --transport T          raw | jdk | apache: HTTP/1.1 client of the load generator (default raw)",
            "  --ceiling-threads N    signing threads of the ceiling run (default: --clients)",
            "  --ceiling-seconds S    measured seconds of the ceiling run (default: --seconds; 0 skips it)",
            "  --server-pid PID       ca-service PID, to report its CPU use (optional)",
            "  --out DIR              where the JSON result goes (default bench/results)",
            "  --label TEXT           free text stored with the result",
            "  --algorithms A,B       CA and CSR key algorithms measured one after the other against the same service",
            "                         (default EC-P256; SM2 creates an SM2 root and issuing CA through the API first)");

    static BenchOptions parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (!name.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + name);
            }
            values.put(name.substring(2), args[++i]);
        }
        int clients = integer(values.remove("clients"), 32, 1);
        int seconds = integer(values.remove("seconds"), 20, 1);
        BenchOptions options = new BenchOptions(
                URI.create(stripSlash(values.getOrDefault("url", "https://127.0.0.1:8443"))),
                Path.of(values.getOrDefault("data", "data")).toAbsolutePath().normalize(),
                clients,
                seconds,
                "auto".equals(values.get("warmup")) ? -1 : integer(values.get("warmup"), -1, 0),
                values.getOrDefault("profile", "tls-server"),
                integer(values.remove("csrs"), 2000, 1),
                values.getOrDefault("transport", "raw"),
                integer(values.remove("ceiling-threads"), clients, 1),
                integer(values.remove("ceiling-seconds"), seconds, 0),
                Long.parseLong(values.getOrDefault("server-pid", "0")),
                Path.of(values.getOrDefault("out", "bench/results")),
                values.getOrDefault("label", ""),
                algorithms(values.getOrDefault("algorithms", "EC-P256")));
        for (String known : new String[] {"warmup", "url", "data", "profile", "transport", "server-pid", "out", "label",
                "algorithms"}) {
            values.remove(known);
        }
        if (!values.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): " + values.keySet());
        }
        if (!options.transport.matches("raw|jdk|apache")) {
            throw new IllegalArgumentException("--transport must be raw, jdk or apache");
        }
        return options;
    }

    private static List<KeyAlgorithm> algorithms(String csv) {
        List<KeyAlgorithm> algorithms = new ArrayList<>();
        for (String id : csv.split(",")) {
            KeyAlgorithm algorithm = KeyAlgorithm.fromId(id.strip()).orElse(null);
            if (algorithm != KeyAlgorithm.EC_P256 && algorithm != KeyAlgorithm.SM2) {
                throw new IllegalArgumentException("--algorithms takes EC-P256 and SM2, not " + id);
            }
            if (!algorithms.contains(algorithm)) {
                algorithms.add(algorithm);
            }
        }
        return List.copyOf(algorithms);
    }

    private static int integer(String value, int fallback, int min) {
        if (value == null) {
            return fallback;
        }
        int parsed = Integer.parseInt(value);
        if (parsed < min) {
            throw new IllegalArgumentException("expected a number >= " + min + ", got " + value);
        }
        return parsed;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
