package org.fujie.bench.login;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

import org.fujie.bench.CpuMeter;
import org.fujie.bench.LoadGenerator;
import org.fujie.bench.SigningCeiling;
import org.fujie.bench.ocsp.JsonLine;

/**
 * One client count's figures: logins end to end, the two references of the same run (validation over HTTPS, the
 * in-process crypto ceiling) and the challenge alone; printed as a table and written as JSON under bench/results/.
 * In every {@link LoadGenerator.Result} here, {@code cpu.server} is trust-service and {@code peerCpu.server} ca-service.
 */
record LoginReport(Instant at, String label, int users, LoadGenerator.Result logins, LoadGenerator.Result validations,
        LoadGenerator.Result challenges, SigningCeiling.Result ceiling, String ceilingKeys, Map<String, SigningCeiling.Result> parts) {

    static final double TARGET_PER_SECOND = 1000;

    void print(PrintStream out) {
        var l = logins.latencies();
        out.println();
        out.println("== Fujie login benchmark " + at + ", " + logins.clients() + " clients" + (label.isEmpty() ? "" : " (" + label + ")"));
        out.printf(Locale.ROOT, "machine: %d cores, Java %s; %d EC-P256 user-auth users, round robin; transport %s, keep-alive%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), users, logins.transport());
        out.println("| measure | value |");
        out.println("|---|---|");
        row(out, "warm-up / measured seconds", fmt(logins.warmupSeconds()) + " / " + fmt(logins.seconds()));
        row(out, "logins/s (challenge + token)", fmt(logins.perSecond()));
        row(out, "logins (200 + token) / errors", logins.successes() + " / " + logins.errorCount()
                + (logins.errors().isEmpty() ? "" : " " + logins.errors()));
        double[] h = logins.halves();
        row(out, "1st / 2nd half of the window", fmt(h[0]) + " / " + fmt(h[1]) + (unstable(logins) ? "  UNSTABLE" : ""));
        row(out, "latency p50 / p90 / p99 / max ms", fmt(l.quantileMillis(0.5)) + " / " + fmt(l.quantileMillis(0.9)) + " / "
                + fmt(l.quantileMillis(0.99)) + " / " + fmt(l.maxMillis()));
        row(out, "TLS handshakes / server closes", logins.handshakes() + " / " + logins.serverCloses() + " in the window");
        row(out, "CPU cores gen / trust / ca / pg / other", cores(logins));
        row(out, "CPU ms per login gen / trust / ca / pg", perOperation(logins));
        row(out, "estimate, all cores ours", fmt(estimate(logins, true)) + "/s (generator included), "
                + fmt(estimate(logins, false)) + "/s (generator elsewhere)");
        if (ceiling != null) {
            row(out, "ceiling: login crypto/s in process", fmt(ceiling.perSecond()) + " (" + ceiling.threads() + " threads, "
                    + fmt(ceiling.perSecond() / ceiling.cpu().generator()) + " per core used)");
            row(out, "ratio logins / ceiling", String.format(Locale.ROOT, "%.3f", logins.perSecond() / ceiling.perSecond()));
            row(out, "same, per core: trust-service / ceiling", String.format(Locale.ROOT, "%.0f / %.0f logins per core = %.3f",
                    perTrustCore(), ceilingPerCore(), perTrustCore() / ceilingPerCore()));
            row(out, "  ceiling keys", ceilingKeys);
            parts.forEach((part, rate) -> row(out, "  " + part, fmt(rate.perSecond()) + "/s, " + fmt(rate.perSecond()
                    / rate.cpu().generator()) + " per core (" + ms(rate.cpu().generator(), rate.perSecond()) + " ms)"));
        }
        if (validations != null) {
            row(out, "validate/s (path + revocation)", fmt(validations.perSecond()) + ", p50 "
                    + fmt(validations.latencies().quantileMillis(0.5)) + " ms, errors " + validations.errorCount());
            row(out, "  CPU ms per validate gen / trust / ca / pg", perOperation(validations));
            row(out, "ratio logins / validate", String.format(Locale.ROOT, "%.3f", logins.perSecond() / validations.perSecond()));
        }
        if (challenges != null) {
            row(out, "challenges/s alone", fmt(challenges.perSecond()) + ", p50 " + fmt(challenges.latencies().quantileMillis(0.5))
                    + " ms, errors " + challenges.errorCount());
            row(out, "  CPU ms per challenge gen / trust / ca / pg", perOperation(challenges));
        }
        row(out, "target 1,000 logins/s met", logins.perSecond() >= TARGET_PER_SECOND ? "yes" : "no");
    }

    Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("login-" + at.truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "") + "-c" + logins.clients()
                + ".json");
        JsonLine json = new JsonLine().put("benchmark", "login").put("at", at.toString()).put("label", label)
                .put("cores", Runtime.getRuntime().availableProcessors()).put("java", System.getProperty("java.version"))
                .put("users", users).put("clients", logins.clients()).raw("logins", load(logins))
                .put("targetPerSecond", TARGET_PER_SECOND).raw("targetMet", Boolean.toString(logins.perSecond() >= TARGET_PER_SECOND));
        if (validations != null) {
            json.raw("validations", load(validations)).put("ratioToValidations", logins.perSecond() / validations.perSecond());
        }
        if (challenges != null) {
            json.raw("challenges", load(challenges));
        }
        if (ceiling != null) {
            json.raw("ceiling", new JsonLine().put("threads", ceiling.threads()).put("seconds", ceiling.seconds())
                    .put("operations", ceiling.operations()).put("perSecond", ceiling.perSecond())
                    .raw("cpuCores", cpu(ceiling.cpu())).put("keys", ceilingKeys).toString())
                    .put("ratioToCeiling", logins.perSecond() / ceiling.perSecond())
                    .put("ratioPerCoreToCeiling", perTrustCore() / ceilingPerCore());
            JsonLine partsJson = new JsonLine();
            parts.forEach((part, rate) -> partsJson.put(part, rate.perSecond()));
            json.raw("ceilingPartsPerSecond", partsJson.toString());
        }
        Files.writeString(file, json + "\n");
        return file;
    }

    /** Logins per core trust-service used: comparable with the ceiling per core when other jobs take CPU. */
    private double perTrustCore() {
        return logins.perSecond() / logins.cpu().server();
    }

    private double ceilingPerCore() {
        return ceiling.perSecond() / ceiling.cpu().generator();
    }

    private static String load(LoadGenerator.Result r) {
        var l = r.latencies();
        JsonLine errors = new JsonLine();
        r.errors().forEach((kind, count) -> errors.put(kind, count));
        return new JsonLine().put("warmupSeconds", r.warmupSeconds()).put("seconds", r.seconds()).put("successes", r.successes())
                .raw("errors", errors.toString()).put("perSecond", r.perSecond())
                .raw("halves", "[" + fmt(r.halves()[0]) + "," + fmt(r.halves()[1]) + "]")
                .raw("latencyMs", new JsonLine().put("p50", l.quantileMillis(0.5)).put("p90", l.quantileMillis(0.9))
                        .put("p99", l.quantileMillis(0.99)).put("max", l.maxMillis()).put("mean", l.meanMillis()).toString())
                .put("tlsHandshakes", r.handshakes()).put("serverCloses", r.serverCloses())
                .raw("cpuCores", cpu(r.cpu()))
                .raw("caServiceCores", r.peerCpu() == null ? "null" : fmt(r.peerCpu().server()))
                .put("otherCores", other(r)).toString();
    }

    private static String cpu(CpuMeter.Usage u) {
        return new JsonLine().put("generator", u.generator()).put("trustService", u.server()).put("postgres", u.postgres())
                .put("machine", u.machine()).toString();
    }

    /** The two halves of the window differ by more than 10 %. */
    private static boolean unstable(LoadGenerator.Result r) {
        double[] h = r.halves();
        return Math.abs(h[0] - h[1]) > 0.10 * Math.max(h[0], h[1]);
    }

    private static double ca(LoadGenerator.Result r) {
        return r.peerCpu() == null ? 0 : r.peerCpu().server();
    }

    /** CPU of processes that are not part of the benchmark: other engineers' builds, say. */
    private static double other(LoadGenerator.Result r) {
        CpuMeter.Usage u = r.cpu();
        return Math.max(0, u.machine() - u.generator() - u.server() - u.postgres() - ca(r));
    }

    /** The rate if the CPU-bound system had every core: cores over CPU per operation. */
    private static double estimate(LoadGenerator.Result r, boolean withGenerator) {
        CpuMeter.Usage u = r.cpu();
        double used = (withGenerator ? u.generator() : 0) + u.server() + u.postgres() + ca(r);
        return used == 0 ? 0 : r.perSecond() * Runtime.getRuntime().availableProcessors() / used;
    }

    private static String cores(LoadGenerator.Result r) {
        CpuMeter.Usage u = r.cpu();
        return fmt(u.generator()) + " / " + fmt(u.server()) + " / " + fmt(ca(r)) + " / " + fmt(u.postgres()) + " / " + fmt(other(r));
    }

    private static String perOperation(LoadGenerator.Result r) {
        CpuMeter.Usage u = r.cpu();
        double rate = r.perSecond();
        return ms(u.generator(), rate) + " / " + ms(u.server(), rate) + " / " + ms(ca(r), rate) + " / " + ms(u.postgres(), rate);
    }

    private static String ms(double cores, double rate) {
        return rate == 0 ? "-" : String.format(Locale.ROOT, "%.3f", cores * 1000 / rate);
    }

    private static void row(PrintStream out, String name, String value) {
        out.printf(Locale.ROOT, "| %-40s | %s |%n", name, value);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }
}
