package org.fujie.bench;

import java.util.ArrayList;
import java.util.List;

import org.fujie.bench.ClosedLoop.Run;

/**
 * Two contenders on the same work in one JVM: a warm-up of each, then rounds of {@link ClosedLoop} runs that alternate
 * which one goes first (odd rounds the first contender, even rounds the second), so neither always inherits the
 * other's garbage or a warmer CPU. Each run is printed as it ends; a run with a failed operation stops the benchmark,
 * since a contender that fails cannot be said to be fast.
 */
public final class HeadToHead {

    /**
     * One side of a case.
     *
     * @param name "Fujie", "DSS"
     * @param setUp run before each of its measurements: JVM-wide settings this side would have if it ran alone
     */
    public record Contender(String name, ClosedLoop.Operation operation, Runnable setUp) {

        public Contender(String name, ClosedLoop.Operation operation) {
            this(name, operation, () -> { });
        }
    }

    /** Both contenders' runs of one case at one thread count, all rounds merged. */
    public record Result(Run first, Run second) {

        /** first / second, operations per second. */
        public double ratio() {
            return first.rate() / second.rate();
        }

        /**
         * The summary table's common cells: rate, p50 / p99 ms of each, the ratio in bold, other processes' CPU; as
         * "| a | b | ... |" after the caller's own first cells.
         */
        public String cells() {
            return String.format(java.util.Locale.ROOT, "%,.1f | %.2f / %.2f | %,.1f | %.2f / %.2f | **%.2fx** | %.2f |", first.rate(),
                    first.percentileMs(50), first.percentileMs(99), second.rate(), second.percentileMs(50), second.percentileMs(99),
                    ratio(), otherCores());
        }

        /** CPU cores used by other processes meanwhile, weighted by duration. */
        public double otherCores() {
            return (first.otherCores() * first.seconds() + second.otherCores() * second.seconds()) / (first.seconds() + second.seconds());
        }
    }

    private final BenchLog log;
    private final String unit;
    private final int minPerThread;

    /** @param unit what one operation makes, plural: "stamps", "docs" */
    public HeadToHead(BenchLog log, String unit) {
        this(log, unit, 0);
    }

    /**
     * @param minPerThread operations each thread completes at least per run, past the window if need be; 0 counts
     *        what ends inside the window (see {@link ClosedLoop#measure(String, ClosedLoop.Operation, int, double, int)})
     */
    public HeadToHead(BenchLog log, String unit, int minPerThread) {
        this.log = log;
        this.unit = unit;
        this.minPerThread = minPerThread;
    }

    public Run measure(Contender contender, int threads, double seconds) throws InterruptedException {
        contender.setUp().run();
        return ClosedLoop.measure(contender.name(), contender.operation(), threads, seconds, minPerThread);
    }

    /** One thread each, first then second; failures stop the benchmark. */
    public Result warmUp(String label, Contender first, Contender second, double seconds) throws InterruptedException {
        Result warm = new Result(measure(first, 1, seconds), measure(second, 1, seconds));
        log.print("  %-28s %s %,d %s, %s %,d %s", label, first.name(), warm.first().operations(), unit, second.name(),
                warm.second().operations(), unit);
        requireNoFailures("warm-up " + label, first, warm.first());
        requireNoFailures("warm-up " + label, second, warm.second());
        return warm;
    }

    /** {@code rounds} alternating runs of each contender at {@code threads} threads, each line prefixed by {@code label}. */
    public Result rounds(String label, Contender first, Contender second, int threads, int rounds, double seconds)
            throws InterruptedException {
        List<Run> firstRuns = new ArrayList<>();
        List<Run> secondRuns = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            boolean firstFirst = round % 2 == 1;
            for (Contender contender : firstFirst ? List.of(first, second) : List.of(second, first)) {
                Run run = measure(contender, threads, seconds);
                (contender == first ? firstRuns : secondRuns).add(run);
                log.print("  %s%d thr, round %d, %-5s: %,9.1f %s/s  p50 %8.2f ms  p99 %8.2f ms  (%,d %s, %d failed; CPU this JVM %.2f, other %.2f cores)",
                        label, threads, round, contender.name(), run.rate(), unit, run.percentileMs(50), run.percentileMs(99),
                        run.operations(), unit, run.failures(), run.ownCores(), run.otherCores());
                requireNoFailures(label + threads + " thr", contender, run);
            }
        }
        return new Result(Run.merge(firstRuns), Run.merge(secondRuns));
    }

    private void requireNoFailures(String what, Contender contender, Run run) {
        if (run.failures() > 0) {
            throw new IllegalStateException(what + ", " + contender.name() + ": " + run.failures() + " of " + run.operations() + " "
                    + unit + " failed" + (run.firstFailure() == null ? "" : "; first error: " + run.firstFailure()));
        }
    }
}
