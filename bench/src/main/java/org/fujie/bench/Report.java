package org.fujie.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.fujie.pki.crypto.KeyAlgorithm;

/** The summary: a table on the console and the same figures as JSON under bench/results/. */
record Report(Instant at, BenchOptions options, KeyAlgorithm algorithm, String caId, int poolSize, LoadGenerator.Result load,
        SigningCeiling.Result ceiling, SigningCeiling.Result csrChecks) {

    static final double TARGET_PER_SECOND = 1500;

    /** End-to-end certificates per second over the signing ceiling. */
    double ratio() {
        return load.perSecond() / ceiling.perSecond();
    }

    /** Certificates per second if each cost exactly one CSR check plus one signature, and nothing else. */
    double cryptoCeiling() {
        return 1 / (1 / ceiling.perSecond() + 1 / csrChecks.perSecond());
    }

    void print(PrintStream out) {
        Latencies l = load.latencies();
        out.println();
        out.println("== Fujie issuance benchmark " + at + " " + algorithm.id() + (options.label().isEmpty() ? "" : " (" + options.label() + ")"));
        out.printf(Locale.ROOT, "machine: %d cores, Java %s; target %s, profile %s, transport %s; %s CSRs to CA %s (%s)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), options.url(),
                options.profile(), load.transport(), algorithm.id(), caId, algorithm.signatureAlgorithm());
        out.println("| measure                      | value |");
        out.println("|---|---|");
        row(out, "end-to-end clients", Integer.toString(load.clients()));
        row(out, "warm-up / measured seconds", fmt(load.warmupSeconds()) + " / " + fmt(load.seconds()));
        row(out, "end-to-end certificates/s", fmt(load.perSecond()));
        row(out, "successes (201) / errors", load.successes() + " / " + load.errorCount() + errors());
        double[] halves = load.halves();
        row(out, "1st / 2nd half of the window", fmt(halves[0]) + " / " + fmt(halves[1]) + " certificates/s"
                + (unstable() ? "  UNSTABLE: still warming up, or the machine is shared; measure again" : ""));
        row(out, "latency p50 / p99 / max ms", fmt(l.quantileMillis(0.50)) + " / " + fmt(l.quantileMillis(0.99)) + " / " + fmt(l.maxMillis()));
        if (load.handshakes() >= 0) {
            row(out, "TLS handshakes / server closes", load.handshakes() + " / " + load.serverCloses() + " in the window");
        }
        row(out, "CPU cores: gen / svc / pg / all", cpu(load.cpu()));
        row(out, "CPU ms per cert: gen / svc / pg", perCertificate(load));
        row(out, "estimate if all cores were ours", fmt(idleMachineEstimate()) + "/s (CPU-bound: cores / CPU ms per cert)");
        if (ceiling != null) {
            row(out, "ceiling signing threads", Integer.toString(ceiling.threads()));
            row(out, "ceiling certificates signed/s", fmt(ceiling.perSecond()));
            row(out, "ceiling per CPU core used", fmt(perCore(ceiling)) + " (this process used " + fmt(ceiling.cpu().generator())
                    + " of " + fmt(ceiling.cpu().machine()) + " busy cores)");
            row(out, "ratio end-to-end / ceiling", String.format(Locale.ROOT, "%.3f (%.1f%%)", ratio(), ratio() * 100));
            row(out, "CSR parse+verify/s (PoP)", fmt(csrChecks.perSecond()) + " (" + fmt(perCore(csrChecks)) + " per CPU core used)");
            row(out, "verify+sign ceiling/s", fmt(cryptoCeiling()) + String.format(Locale.ROOT,
                    " (end-to-end is %.1f%% of it)", 100 * load.perSecond() / cryptoCeiling()));
        }
        row(out, "target 1,500/s met", load.perSecond() >= TARGET_PER_SECOND ? "yes" : "no");
    }

    /**
     * Several algorithms of one run in one table: end-to-end rate, the in-process ceiling with the same CA key (the raw
     * signing rate of complete certificates), and the ratio of the two.
     */
    static void printSideBySide(PrintStream out, List<Report> reports) {
        out.println();
        out.println("== Side by side, same service and run (ceiling: complete certificates signed/s in process, same CA key)");
        out.println("| algorithm | CA | certificates/s | p50 / p99 ms | CPU ms/cert gen / svc / pg | other cores | ceiling signed/s"
                + " | end-to-end / ceiling | CSR checks/s | verify+sign/s |");
        out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Report r : reports) {
            Latencies l = r.load().latencies();
            CpuMeter.Usage u = r.load().cpu();
            double other = u.machine() - u.generator() - u.server() - u.postgres();
            out.printf(Locale.ROOT, "| %s | %s | %s%s | %s / %s | %s | %s | %s | %s | %s | %s |%n", r.algorithm().id(), r.caId(),
                    fmt(r.load().perSecond()), r.unstable() ? " (unstable)" : "", fmt(l.quantileMillis(0.50)),
                    fmt(l.quantileMillis(0.99)), r.perCertificate(r.load()), fmt(other),
                    r.ceiling() == null ? "-" : fmt(r.ceiling().perSecond()),
                    r.ceiling() == null ? "-" : String.format(Locale.ROOT, "%.3f", r.ratio()),
                    r.csrChecks() == null ? "-" : fmt(r.csrChecks().perSecond()),
                    r.ceiling() == null ? "-" : fmt(r.cryptoCeiling()));
        }
    }

    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        String stamp = at.truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "");
        Path file = dir.resolve("issuance-" + stamp + "-c" + load.clients()
                + (algorithm == KeyAlgorithm.EC_P256 ? "" : "-" + algorithm.id()) + ".json");
        Files.writeString(file, json());
        return file;
    }

    String json() {
        Latencies l = load.latencies();
        StringBuilder j = new StringBuilder("{\n");
        j.append("  \"benchmark\": \"issuance\",\n");
        j.append("  \"at\": \"").append(at).append("\",\n");
        j.append("  \"label\": ").append(quote(options.label())).append(",\n");
        j.append("  \"algorithm\": ").append(quote(algorithm.id())).append(",\n");
        j.append("  \"caId\": ").append(quote(caId)).append(",\n");
        j.append("  \"machine\": {\"cores\": ").append(Runtime.getRuntime().availableProcessors())
                .append(", \"java\": ").append(quote(System.getProperty("java.version"))).append("},\n");
        j.append("  \"options\": {\"url\": ").append(quote(options.url().toString()))
                .append(", \"profile\": ").append(quote(options.profile()))
                .append(", \"transport\": ").append(quote(load.transport()))
                .append(", \"clients\": ").append(options.clients())
                .append(", \"seconds\": ").append(options.seconds())
                .append(", \"warmup\": ").append(options.warmupSeconds() < 0 ? "\"auto\"" : Integer.toString(options.warmupSeconds()))
                .append(", \"csrPool\": ").append(poolSize).append("},\n");
        j.append("  \"endToEnd\": {\"clients\": ").append(load.clients())
                .append(", \"warmupSeconds\": ").append(fmt(load.warmupSeconds()))
                .append(", \"seconds\": ").append(fmt(load.seconds()))
                .append(", \"successes\": ").append(load.successes())
                .append(", \"errors\": ").append(load.errors().entrySet().stream()
                        .map(e -> quote(e.getKey()) + ": " + e.getValue()).collect(Collectors.joining(", ", "{", "}")))
                .append(", \"certificatesPerSecond\": ").append(fmt(load.perSecond()))
                .append(", \"halves\": [").append(fmt(load.halves()[0])).append(", ").append(fmt(load.halves()[1])).append("]")
                .append(", \"unstable\": ").append(unstable())
                .append(", \"latencyMs\": {\"p50\": ").append(fmt(l.quantileMillis(0.50)))
                .append(", \"p90\": ").append(fmt(l.quantileMillis(0.90)))
                .append(", \"p99\": ").append(fmt(l.quantileMillis(0.99)))
                .append(", \"max\": ").append(fmt(l.maxMillis()))
                .append(", \"mean\": ").append(fmt(l.meanMillis())).append("}")
                .append(", \"tlsHandshakes\": ").append(load.handshakes())
                .append(", \"serverCloses\": ").append(load.serverCloses())
                .append(", \"cpuCores\": ").append(cpuJson(load.cpu()))
                .append(", \"cpuMsPerCertificate\": {\"generator\": ").append(fmt(ms(load.cpu().generator())))
                .append(", \"server\": ").append(fmt(ms(load.cpu().server())))
                .append(", \"postgres\": ").append(fmt(ms(load.cpu().postgres()))).append("}")
                .append(", \"idleMachineEstimatePerSecond\": ").append(fmt(idleMachineEstimate())).append("},\n");
        if (ceiling != null) {
            j.append("  \"ceiling\": {\"threads\": ").append(ceiling.threads())
                    .append(", \"seconds\": ").append(fmt(ceiling.seconds()))
                    .append(", \"signatures\": ").append(ceiling.operations())
                    .append(", \"signaturesPerSecond\": ").append(fmt(ceiling.perSecond()))
                    .append(", \"perCpuCore\": ").append(fmt(perCore(ceiling)))
                    .append(", \"cpuCores\": ").append(cpuJson(ceiling.cpu())).append("},\n");
            j.append("  \"ratio\": ").append(String.format(Locale.ROOT, "%.4f", ratio())).append(",\n");
            j.append("  \"csrChecks\": {\"threads\": ").append(csrChecks.threads())
                    .append(", \"seconds\": ").append(fmt(csrChecks.seconds()))
                    .append(", \"checks\": ").append(csrChecks.operations())
                    .append(", \"checksPerSecond\": ").append(fmt(csrChecks.perSecond()))
                    .append(", \"perCpuCore\": ").append(fmt(perCore(csrChecks)))
                    .append(", \"cpuCores\": ").append(cpuJson(csrChecks.cpu())).append("},\n");
            j.append("  \"verifyPlusSignCeilingPerSecond\": ").append(fmt(cryptoCeiling())).append(",\n");
            j.append("  \"ratioToVerifyPlusSign\": ").append(String.format(Locale.ROOT, "%.4f",
                    load.perSecond() / cryptoCeiling())).append(",\n");
        }
        j.append("  \"targetPerSecond\": ").append((long) TARGET_PER_SECOND).append(",\n");
        j.append("  \"targetMet\": ").append(load.perSecond() >= TARGET_PER_SECOND).append("\n}\n");
        return j.toString();
    }

    /** The two halves of the window differ by more than 10 %: the figure is not a steady state. */
    boolean unstable() {
        double[] h = load.halves();
        return Math.abs(h[0] - h[1]) > 0.10 * Math.max(h[0], h[1]);
    }

    /**
     * The rate if generator, service and database had every core to themselves: cores divided by their
     * CPU time per certificate. Only an estimate, for machines shared with other work (as CI machines are).
     */
    double idleMachineEstimate() {
        CpuMeter.Usage u = load.cpu();
        double used = u.generator() + u.server() + u.postgres();
        return used == 0 ? 0 : load.perSecond() * Runtime.getRuntime().availableProcessors() / used;
    }

    /** CPU milliseconds per end-to-end certificate, from cores used during the window. */
    private double ms(double cores) {
        return load.perSecond() == 0 ? 0 : cores * 1000 / load.perSecond();
    }

    private String perCertificate(LoadGenerator.Result r) {
        return fmt(ms(r.cpu().generator())) + " / " + fmt(ms(r.cpu().server())) + " / " + fmt(ms(r.cpu().postgres()));
    }

    /** Operations per second per core this process actually got: comparable when other processes share the machine. */
    private static double perCore(SigningCeiling.Result r) {
        return r.cpu().generator() == 0 ? 0 : r.perSecond() / r.cpu().generator();
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
