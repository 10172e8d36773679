package org.fujie.bench.ocsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The step {@code report}: reads what the run left in its directory (fixture.properties, one
 * wrk-*.json per measured row as written by the Lua script and labelled by run-ocsp.sh, check-*.json,
 * scale.json), prints the summary with the targets (20,000 responses/s; 3x OpenSSL's responder at the
 * same wrk settings) and writes it all as one JSON file to {@code --out} (bench/results).
 */
final class Summary {

    static final double TARGET_RATE = 20_000;
    static final double TARGET_RATIO = 3;

    private Summary() {
    }

    static int run(OcspBench.Args args) throws IOException {
        Path dir = args.path("dir", null);
        Properties fixture = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve(Fixture.PROPERTIES))) {
            fixture.load(in);
        }
        List<String> rowJson = lines(dir, "wrk-");
        List<String> checkJson = lines(dir, "check-");
        List<String> rateJson = lines(dir, "rate-");
        Path scaleFile = dir.resolve("scale.json");
        String scaleJson = Files.exists(scaleFile) ? Files.readString(scaleFile).strip() : null;
        List<Map<String, String>> rows = rowJson.stream().map(FlatJson::parse).toList();

        ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(text, true, StandardCharsets.UTF_8);
        Instant at = Instant.now();
        out.printf(Locale.ROOT, "%n== Fujie OCSP benchmark, %s ==%n", at);
        out.printf(Locale.ROOT, "certificates: %s issued, %s revoked; request set: %s DER requests (%s good, %s revoked, %s unknown),"
                + " POST, SHA-1 CertID, no nonce%n", fixture.get("certificates"), fixture.get("revoked"), fixture.get("requests"),
                fixture.get("good"), fixture.get("revoked"), fixture.get("unknown"));
        Path sm2Fixture = dir.resolve("fixture-SM2.properties");
        if (Files.exists(sm2Fixture)) {
            Properties sm2 = new Properties();
            try (var in = Files.newBufferedReader(sm2Fixture)) {
                sm2.load(in);
            }
            out.printf(Locale.ROOT, "SM2 CA: %s certificates issued, %s revoked; %s requests (%s good, %s revoked, %s unknown)%n",
                    sm2.get("certificates"), sm2.get("revoked"), sm2.get("requests"), sm2.get("good"), sm2.get("revoked"),
                    sm2.get("unknown"));
        }
        if (rows.stream().anyMatch(r -> r.get("responder").endsWith("-nonce"))) {
            out.printf(Locale.ROOT, "rows *-nonce: %s good requests per CA, each with its own nonce, so every answer is signed for"
                    + " its request%n", fixture.getProperty("nonce_requests", "?"));
        }
        for (String check : checkJson) {
            Map<String, String> c = FlatJson.parse(check);
            out.printf(Locale.ROOT, "answers checked, %-8s %s POST + %s GET, %s wrong; signer %s, %s bytes per answer%n",
                    c.get("responder") + ":", c.get("checked"), c.get("get_checked"), c.get("wrong"), c.get("signer"), c.get("answer_bytes"));
        }
        out.printf(Locale.ROOT, "%n%-16s %5s %12s %7s %7s %7s %7s %6s   %s%n", "responder", "conns", "responses/s",
                "p50 ms", "p90 ms", "p99 ms", "max ms", "errors", "cores: responder / wrk / PostgreSQL / other");
        for (Map<String, String> r : rows) {
            boolean busy = num(r, "cpu_other_cores") > 0.1;
            out.printf(Locale.ROOT, "%-16s %5s %,12.0f %7.2f %7.2f %7.2f %7.1f %6d   %.2f / %.2f / %.2f / %.2f%s%n",
                    r.get("responder").equals("openssl") ? "openssl -multi 2" : r.get("responder"), r.get("connections"),
                    num(r, "rps"), num(r, "p50_ms"), num(r, "p90_ms"), num(r, "p99_ms"), num(r, "max_ms"), errors(r),
                    num(r, "cpu_responder_cores"), num(r, "cpu_wrk_cores"), num(r, "cpu_postgres_cores"), num(r, "cpu_other_cores"),
                    busy ? "  (busy: other jobs used the CPU)" : "");
        }
        out.println("(wrk -t1, one row each for " + (rows.isEmpty() ? "?" : rows.get(0).get("seconds")) + " s; latencies as wrk measures"
                + " them; PostgreSQL = all of the server's processes; other = machine CPU that none of these used)");

        Map<String, String> fujieBest = rows.stream().filter(r -> r.get("responder").equals("fujie"))
                .max((a, b) -> Double.compare(num(a, "rps"), num(b, "rps"))).orElse(null);
        JsonLine targets = new JsonLine();
        out.println();
        if (fujieBest != null) {
            boolean met = num(fujieBest, "rps") >= TARGET_RATE && errors(fujieBest) == 0;
            out.printf(Locale.ROOT, "target %,.0f responses/s: %s (best Fujie row, %s connections: %,.0f/s)%n", TARGET_RATE,
                    met ? "MET" : "NOT MET", fujieBest.get("connections"), num(fujieBest, "rps"));
            targets.put("rate", num(fujieBest, "rps")).raw("rate_met", Boolean.toString(met));
        }
        // The first OpenSSL row (--connections) is the like-for-like comparison the target is judged on.
        String ratios = "";
        for (Map<String, String> openssl : rows.stream().filter(r -> r.get("responder").equals("openssl")).toList()) {
            Map<String, String> fujie = rows.stream().filter(r -> r.get("responder").equals("fujie")
                    && r.get("connections").equals(openssl.get("connections"))).findFirst().orElse(null);
            if (fujie == null) {
                continue;
            }
            double ratio = num(fujie, "rps") / num(openssl, "rps");
            double p99Ratio = num(openssl, "p99_ms") / num(fujie, "p99_ms");
            boolean first = ratios.isEmpty();
            out.printf(Locale.ROOT, "Fujie / OpenSSL -multi 2 at %s connections: %.2fx responses/s, p99 %.2f vs %.2f ms%s%n",
                    openssl.get("connections"), ratio, num(fujie, "p99_ms"), num(openssl, "p99_ms"), first ? String.format(Locale.ROOT, "; target %.0fx: %s",
                            TARGET_RATIO, ratio >= TARGET_RATIO ? "MET" : "NOT MET") : "");
            if (first) {
                targets.put("ratio", ratio).put("p99_ratio", p99Ratio).raw("ratio_met", Boolean.toString(ratio >= TARGET_RATIO));
            }
            ratios += (first ? "" : ",") + new JsonLine().put("connections", num(openssl, "connections")).put("ratio", ratio)
                    .put("p99_ratio", p99Ratio);
        }
        targets.raw("ratios", "[" + ratios + "]");

        // Each Fujie row against the raw signing rate of its CA's algorithm, measured in the same run.
        Map<String, Map<String, String>> rates = new java.util.LinkedHashMap<>();
        rateJson.stream().map(FlatJson::parse).forEach(r -> rates.put(r.get("algorithm"), r));
        String versus = "";
        if (!rates.isEmpty()) {
            out.println();
            for (Map<String, String> r : rates.values()) {
                out.printf(Locale.ROOT, "raw signing rate %-8s %,8.0f signatures/s (%s threads, in process, key %s, service idle)%n",
                        r.get("algorithm") + ":", num(r, "signatures_per_second"), r.get("threads"), r.get("key"));
            }
            for (Map<String, String> row : rows.stream().filter(r -> r.get("responder").startsWith("fujie")).toList()) {
                String algorithm = row.get("responder").contains("sm2") ? "SM2" : "EC-P256";
                Map<String, String> rate = rates.get(algorithm);
                if (rate == null) {
                    continue;
                }
                double ratio = num(row, "rps") / num(rate, "signatures_per_second");
                out.printf(Locale.ROOT, "%-16s %3s conns: %,8.0f responses/s = %.3f x the raw %s signing rate%n", row.get("responder"),
                        row.get("connections"), num(row, "rps"), ratio, algorithm);
                versus += (versus.isEmpty() ? "" : ",") + new JsonLine().put("responder", row.get("responder"))
                        .put("connections", num(row, "connections")).put("algorithm", algorithm).put("ratio", ratio);
            }
        }
        if (scaleJson != null) {
            Map<String, String> s = FlatJson.parse(scaleJson);
            out.printf(Locale.ROOT, "%nrevocation at scale: %s revoked (%s in bulk at %.0f/s on %s connections, after issuing at %.0f/s;"
                    + " CRL number %s before the bulk revocation, %s after)%n", s.get("revoked_expected"), s.get("bulk_revoked"),
                    num(s, "bulk_revoke_per_second"), s.get("bulk_clients"), num(s, "issue_per_second"), s.get("crl_number_before_bulk"),
                    s.get("crl_number_after_bulk"));
            out.printf(Locale.ROOT, "  revoke one certificate (%s sequential): p50 %.2f ms, p99 %.2f ms, max %.2f ms; OCSP says revoked"
                    + " %.0f ms after%n", s.get("timed_revocations"), num(s, "revoke_p50_ms"), num(s, "revoke_p99_ms"),
                    num(s, "revoke_max_ms"), num(s, "ocsp_visible_ms"));
            out.printf(Locale.ROOT, "  full CRL: %s entries (openssl crl counts %s), generationMillis %.0f, wall %.0f ms, %,d bytes DER"
                    + " (fetched in %.0f ms); %s expected entries missing or wrong%n", s.get("crl_entries"), s.get("crl_entries_openssl"),
                    num(s, "crl_generation_ms"), num(s, "crl_wall_ms"), (long) num(s, "crl_der_bytes"), num(s, "crl_fetch_ms"),
                    s.get("crl_missing_or_wrong"));
        }

        JsonLine result = new JsonLine().put("at", at.toString()).put("label", args.text("label", ""))
                .raw("fixture", new JsonLine().put("certificates", Double.parseDouble(fixture.getProperty("certificates")))
                        .put("revoked", Double.parseDouble(fixture.getProperty("revoked")))
                        .put("requests", Double.parseDouble(fixture.getProperty("requests"))).toString())
                .raw("rows", "[" + String.join(",", rowJson) + "]").raw("checks", "[" + String.join(",", checkJson) + "]")
                .raw("targets", targets.toString()).raw("signing_rates", "[" + String.join(",", rateJson) + "]")
                .raw("vs_signing_rate", "[" + versus + "]").raw("scale", scaleJson == null ? "null" : scaleJson);
        Path outDir = args.path("out", "bench/results");
        Files.createDirectories(outDir);
        String name = "ocsp-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(at);
        Files.writeString(outDir.resolve(name + ".json"), result + "\n", StandardCharsets.UTF_8);
        Files.write(outDir.resolve(name + ".txt"), text.toByteArray());
        System.out.print(text.toString(StandardCharsets.UTF_8));
        System.out.println("\nresult: " + outDir.resolve(name + ".json") + " and .txt");
        return 0;
    }

    private static List<String> lines(Path dir, String prefix) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".json"))
                    .sorted().toList()) {
                lines.add(Files.readString(file).strip());
            }
        }
        return lines;
    }

    private static double num(Map<String, String> row, String name) {
        String value = row.get(name);
        return value == null ? Double.NaN : Double.parseDouble(value);
    }

    private static long errors(Map<String, String> row) {
        return Stream.of("errors_connect", "errors_read", "errors_write", "errors_status", "errors_timeout")
                .mapToLong(n -> (long) num(row, n)).sum();
    }
}
