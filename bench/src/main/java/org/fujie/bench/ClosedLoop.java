package org.fujie.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-process closed-loop measurement: each of N threads runs the same operation back to back for a fixed window;
 * operations that end inside the window count. Reports the rate, every latency, and the CPU used by this JVM and by
 * everything else on the machine ({@code /proc/stat} minus this process) meanwhile. Shared by the verification, stamping
 * and XAdES benchmarks.
 *
 * <p>Operations that take seconds fit a window only a few times, and counting completions in a fixed window then
 * penalises the slower side by up to one operation per thread. With a minimum per thread, each thread goes on after the
 * window until it has that many (the others keep the load on meanwhile, uncounted), and the rate is each thread's
 * operations over the time to its last counted completion, summed over the threads.
 */
public final class ClosedLoop {

    /** One operation; false, or an exception, counts as a failure (the first exception is kept). */
    @FunctionalInterface
    public interface Operation {
        boolean run() throws Exception;
    }

    /**
     * One measurement: operations per second, latency percentiles (ms), CPU cores of this JVM and of everything else.
     *
     * @param cpuSeconds CPU time of this JVM during the run (all its threads: workers, JIT, GC)
     */
    public record Run(long operations, long failures, double seconds, long[] latenciesNanos, double ownCores, double otherCores,
            double cpuSeconds, String firstFailure) {

        public double rate() {
            return operations / seconds;
        }

        /** This JVM's CPU milliseconds per operation: less sensitive than the rate to other jobs taking cores. */
        public double cpuMsPerOperation() {
            return operations == 0 ? Double.NaN : cpuSeconds * 1000 / operations;
        }

        /** Nearest rank; NaN when nothing completed. */
        public double percentileMs(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * latenciesNanos.length);
            return latenciesNanos[Math.max(0, Math.min(latenciesNanos.length - 1, rank - 1))] / 1e6;
        }

        /** Several runs of one case as one: counts and latencies pooled, CPU weighted by duration. */
        public static Run merge(List<Run> runs) {
            long operations = 0, failures = 0;
            double seconds = 0, own = 0, other = 0, cpu = 0;
            String failure = null;
            List<long[]> all = new ArrayList<>();
            for (Run r : runs) {
                operations += r.operations();
                failures += r.failures();
                seconds += r.seconds();
                own += r.ownCores() * r.seconds();
                other += r.otherCores() * r.seconds();
                cpu += r.cpuSeconds();
                all.add(r.latenciesNanos());
                failure = failure != null ? failure : r.firstFailure();
            }
            long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Run(operations, failures, seconds, latencies, own / seconds, other / seconds, cpu, failure);
        }
    }

    private ClosedLoop() {
    }

    /** Completions inside the window count; rate = completions / window. */
    public static Run measure(String name, Operation operation, int threads, double seconds) throws InterruptedException {
        return measure(name, operation, threads, seconds, 0);
    }

    /**
     * @param minPerThread 0: completions inside the window count, rate = completions / window; above 0: each thread
     *        counts at least that many (see the class comment), rate = sum of each thread's completions / its busy time
     */
    public static Run measure(String name, Operation operation, int threads, double seconds, int minPerThread) throws InterruptedException {
        long[][] latencies = new long[threads][];
        long[] failures = new long[threads];
        long[] lastEnd = new long[threads];
        CountDownLatch reachedMinimum = new CountDownLatch(minPerThread > 0 ? threads : 0);
        AtomicReference<String> firstFailure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        long windowNanos = (long) (seconds * 1e9);
        long[] startAt = new long[1];
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread worker = new Thread(() -> {
                long[] mine = new long[1024];
                int n = 0;
                long failed = 0;
                try {
                    start.await();
                    long end = startAt[0] + windowNanos;
                    while (true) {
                        long before = System.nanoTime();
                        if (before >= end && (n >= minPerThread && reachedMinimum.getCount() == 0 || minPerThread == 0)) {
                            break;
                        }
                        boolean ok;
                        try {
                            ok = operation.run();
                        } catch (InterruptedException e) {
                            throw e;
                        } catch (Exception | Error e) {  // a failure must not end the thread unseen, nor look fast
                            ok = false;
                            firstFailure.compareAndSet(null, e.toString());
                        }
                        long after = System.nanoTime();
                        if (after > end && n >= minPerThread) {
                            if (minPerThread == 0) {
                                break;
                            }
                            continue;  // keeps the load on, uncounted, until every thread has its minimum
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = after - before;
                        lastEnd[index] = after;
                        if (n == minPerThread) {
                            reachedMinimum.countDown();
                        }
                        if (!ok) {
                            failed++;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    latencies[index] = Arrays.copyOf(mine, n);
                    failures[index] = failed;
                    done.countDown();
                }
            }, name + "-" + t);
            worker.start();
        }
        long cpuBefore = processCpuNanos();
        long machineBefore = machineBusyJiffies();
        startAt[0] = System.nanoTime();
        start.countDown();
        done.await();
        double elapsed = (System.nanoTime() - startAt[0]) / 1e9;
        long cpuAfter = processCpuNanos();
        long machineAfter = machineBusyJiffies();
        double own = (cpuAfter - cpuBefore) / 1e9 / elapsed;
        double other = Double.NaN;
        if (machineBefore >= 0 && machineAfter >= 0) {
            double busySeconds = (machineAfter - machineBefore) / 100.0;  // USER_HZ
            other = Math.max(0, busySeconds / elapsed - own);
        }
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        double window = seconds;
        if (minPerThread > 0) {
            double rate = 0;
            for (int t = 0; t < threads; t++) {
                rate += latencies[t].length / ((lastEnd[t] - startAt[0]) / 1e9);
            }
            window = all.length / rate;  // the window in which this rate gives these operations, so Run.rate() and merge() hold
        }
        return new Run(all.length, Arrays.stream(failures).sum(), window, all, own, other, (cpuAfter - cpuBefore) / 1e9,
                firstFailure.get());
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** Busy jiffies of the whole machine from /proc/stat (user+nice+system+irq+softirq+steal), or -1. */
    private static long machineBusyJiffies() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) {  // idle, iowait
                    busy += Long.parseLong(fields[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
