package org.fujie.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.stream.Collectors;

/** The summary: a table on the console and the same figures as JSON under bench/results/. */
record Report(Instant at, BenchOptions options, int poolSize, LoadGenerator.Result load, SigningCeiling.Result ceiling) {

    static final double TARGET_PER_SECOND = 1500;

    Double ratio() {
        return ceiling == null || ceiling.signatures() == 0 ? null : load.perSecond() / ceiling.perSecond();
    }

    void print(PrintStream out) {
        Latencies l = load.latencies();
        out.println();
        out.println("== Fujie issuance benchmark " + at + (options.label().isEmpty() ? "" : " (" + options.label() + ")"));
        out.printf(Locale.ROOT, "machine: %d cores, Java %s; target %s, profile %s, transport %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), options.url(),
                options.profile(), load.transport());
        out.println("| measure                      | value |");
        out.println("|---|---|");
        row(out, "end-to-end clients", Integer.toString(load.clients()));
        row(out, "end-to-end certificates/s", fmt(load.perSecond()));
        row(out, "successes (201) / errors", load.successes() + " / " + load.errorCount() + errors());
        row(out, "latency p50 / p99 / max ms", fmt(l.quantileMillis(0.50)) + " / " + fmt(l.quantileMillis(0.99)) + " / " + fmt(l.maxMillis()));
        row(out, "CPU cores: gen / svc / pg / all", cpu(load.cpu()));
        if (ceiling != null) {
            row(out, "ceiling signing threads", Integer.toString(ceiling.threads()));
            row(out, "ceiling certificates signed/s", fmt(ceiling.perSecond()));
            row(out, "ceiling CPU cores (all)", fmt(ceiling.cpu().machine()));
            row(out, "ratio end-to-end / ceiling", String.format(Locale.ROOT, "%.3f (%.1f%%)", ratio(), ratio() * 100));
        }
        row(out, "target 1,500/s met", load.perSecond() >= TARGET_PER_SECOND ? "yes" : "no");
    }

    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        String stamp = at.truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "");
        Path file = dir.resolve("issuance-" + stamp + "-c" + load.clients() + ".json");
        Files.writeString(file, json());
        return file;
    }

    String json() {
        Latencies l = load.latencies();
        StringBuilder j = new StringBuilder("{\n");
        j.append("  \"benchmark\": \"issuance\",\n");
        j.append("  \"at\": \"").append(at).append("\",\n");
        j.append("  \"label\": ").append(quote(options.label())).append(",\n");
        j.append("  \"machine\": {\"cores\": ").append(Runtime.getRuntime().availableProcessors())
                .append(", \"java\": ").append(quote(System.getProperty("java.version"))).append("},\n");
        j.append("  \"options\": {\"url\": ").append(quote(options.url().toString()))
                .append(", \"profile\": ").append(quote(options.profile()))
                .append(", \"transport\": ").append(quote(load.transport()))
                .append(", \"clients\": ").append(options.clients())
                .append(", \"seconds\": ").append(options.seconds())
                .append(", \"warmupSeconds\": ").append(options.warmupSeconds())
                .append(", \"csrPool\": ").append(poolSize).append("},\n");
        j.append("  \"endToEnd\": {\"clients\": ").append(load.clients())
                .append(", \"seconds\": ").append(fmt(load.seconds()))
                .append(", \"successes\": ").append(load.successes())
                .append(", \"errors\": ").append(load.errors().entrySet().stream()
                        .map(e -> quote(e.getKey()) + ": " + e.getValue()).collect(Collectors.joining(", ", "{", "}")))
                .append(", \"certificatesPerSecond\": ").append(fmt(load.perSecond()))
                .append(", \"latencyMs\": {\"p50\": ").append(fmt(l.quantileMillis(0.50)))
                .append(", \"p90\": ").append(fmt(l.quantileMillis(0.90)))
                .append(", \"p99\": ").append(fmt(l.quantileMillis(0.99)))
                .append(", \"max\": ").append(fmt(l.maxMillis()))
                .append(", \"mean\": ").append(fmt(l.meanMillis())).append("}")
                .append(", \"cpuCores\": ").append(cpuJson(load.cpu())).append("},\n");
        if (ceiling != null) {
            j.append("  \"ceiling\": {\"threads\": ").append(ceiling.threads())
                    .append(", \"seconds\": ").append(fmt(ceiling.seconds()))
                    .append(", \"signatures\": ").append(ceiling.signatures())
                    .append(", \"signaturesPerSecond\": ").append(fmt(ceiling.perSecond()))
                    .append(", \"cpuCores\": ").append(cpuJson(ceiling.cpu())).append("},\n");
            j.append("  \"ratio\": ").append(String.format(Locale.ROOT, "%.4f", ratio())).append(",\n");
        }
        j.append("  \"targetPerSecond\": ").append((long) TARGET_PER_SECOND).append(",\n");
        j.append("  \"targetMet\": ").append(load.perSecond() >= TARGET_PER_SECOND).append("\n}\n");
        return j.toString();
    }

    private String errors() {
        return load.errors().isEmpty() ? "" : " " + load.errors();
    }

    private static String cpu(CpuMeter.Usage u) {
        return fmt(u.generator()) + " / " + fmt(u.server()) + " / " + fmt(u.postgres()) + " / " + fmt(u.machine());
    }

    private static String cpuJson(CpuMeter.Usage u) {
        return "{\"generator\": " + fmt(u.generator()) + ", \"server\": " + fmt(u.server()) + ", \"postgres\": "
                + fmt(u.postgres()) + ", \"machine\": " + fmt(u.machine()) + "}";
    }

    private static void row(PrintStream out, String name, String value) {
        out.printf(Locale.ROOT, "| %-28s | %s |%n", name, value);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

}
