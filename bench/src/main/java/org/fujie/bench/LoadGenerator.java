package org.fujie.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Closed-loop load: N workers, each on its own keep-alive connection, start the next exchange (by default: POST the
 * next CSR) as soon as the previous one has ended. Only exchanges that complete inside the measurement window (after
 * the warm-up) count; a success is what the exchange accepts (for CSRs a 201), anything else is an error, reported by
 * kind.
 *
 * <p>Automatic warm-up (the default): a fresh JVM on two cores compiles for minutes, and its single C2
 * compiler thread gets a smaller share of the CPU the more request threads are busy, so with 64
 * clients it may still compile long after 90 s. The automatic warm-up therefore runs with at most
 * {@value #JIT_CLIENTS} clients until the service's JIT compiler threads have used less than 5 % of a
 * core for two 5 s steps and the rate has stopped growing (30 s to 240 s), then lets all N clients run
 * for {@value #SETTLE_SECONDS} s, and only then measures.
 */
public final class LoadGenerator {

    static final int JIT_CLIENTS = 8;
    static final int SETTLE_SECONDS = 10;
    private static final long STEP = TimeUnit.SECONDS.toNanos(5);
    private static final long MIN_AUTO = TimeUnit.SECONDS.toNanos(30);
    private static final long MAX_AUTO = TimeUnit.SECONDS.toNanos(240);
    private static final Map<String, Boolean> REPORTED = new ConcurrentHashMap<>();

    /**
     * One unit of load on a worker's connection: one request, or several (a log-in is two).
     * Returns null on success, or why it failed; an exception means no HTTP answer was read.
     */
    @FunctionalInterface
    public interface Exchange {
        Failure run(Transport.Connection connection) throws Exception;
    }

    /** A failed exchange: its kind (counted) and a detail (printed once per kind). */
    public record Failure(String kind, String detail) {
        public static Failure status(String what, Transport.Response response) {
            return new Failure(what + "HTTP " + response.status(), new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    /**
     * @param cpu where the CPU went; {@code server} is the process given as serverPid
     * @param peerCpu the same for a second service process (peerPid), or null when none was given
     */
    public record Result(int clients, String transport, double warmupSeconds, double seconds, long successes,
            Map<String, Long> errors, Latencies latencies, CpuMeter.Usage cpu, long handshakes, long serverCloses,
            long[] successesPerSecond, CpuMeter.Usage peerCpu) {

        public double perSecond() {
            return successes / seconds;
        }

        public long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Successes per second in the first and in the second half of the window. */
        public double[] halves() {
            int half = successesPerSecond.length / 2;
            long first = 0;
            long second = 0;
            for (int i = 0; i < successesPerSecond.length; i++) {
                if (i < half) {
                    first += successesPerSecond[i];
                } else {
                    second += successesPerSecond[i];
                }
            }
            return new double[] {half == 0 ? 0 : (double) first / half, (double) second / (successesPerSecond.length - half)};
        }
    }

    private final Transport transport;
    private final Exchange exchange;
    private final AtomicLong completed = new AtomicLong();
    private volatile AtomicLongArray perSecond = new AtomicLongArray(1);
    private volatile boolean stop;
    private volatile int active;
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    /** The issuance load: each exchange POSTs the pool's next CSR and expects 201. */
    LoadGenerator(Transport transport, CsrPool pool) {
        this(transport, connection -> {
            Transport.Response response = connection.post(pool.next().body());
            return response.status() == 201 ? null : Failure.status("", response);
        });
    }

    public LoadGenerator(Transport transport, Exchange exchange) {
        this.transport = transport;
        this.exchange = exchange;
    }

    /** Runs the load; a negative warm-up means automatic. */
    Result run(int clients, String transportName, int warmupSeconds, int seconds, long serverPid) throws InterruptedException {
        return run(clients, transportName, warmupSeconds, seconds, serverPid, 0);
    }

    /** Runs the load, also metering the CPU of a second service process when peerPid is above 0. */
    public Result run(int clients, String transportName, int warmupSeconds, int seconds, long serverPid, long peerPid)
            throws InterruptedException {
        long origin = System.nanoTime();
        active = warmupSeconds < 0 ? Math.min(clients, JIT_CLIENTS) : clients;
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Worker worker = new Worker(i);
            workers.add(worker);
            worker.thread.start();
        }
        if (warmupSeconds >= 0) {
            steps(origin, TimeUnit.SECONDS.toNanos(warmupSeconds), "warm-up");
        } else {
            warmUntilStable(origin, serverPid);
            if (clients > active) {
                active = clients;
                steps(origin, TimeUnit.SECONDS.toNanos(SETTLE_SECONDS), "settle");
            }
        }
        double warmedUp = (System.nanoTime() - origin) / 1e9;

        perSecond = new AtomicLongArray(seconds);
        long start = System.nanoTime();
        windowEnd = start + TimeUnit.SECONDS.toNanos(seconds);
        windowStart = start;
        CpuMeter.Snapshot before = CpuMeter.take(serverPid);
        CpuMeter.Snapshot peerBefore = peerPid > 0 ? CpuMeter.take(peerPid) : null;
        long handshakes = transport.connectionsOpened();
        long closes = transport.connectionsClosedByServer();
        steps(origin, windowEnd - System.nanoTime(), "measured");
        CpuMeter.Snapshot after = CpuMeter.take(serverPid);
        CpuMeter.Usage peerCpu = peerBefore == null ? null : CpuMeter.between(peerBefore, CpuMeter.take(peerPid));
        handshakes = handshakes < 0 ? -1 : transport.connectionsOpened() - handshakes;
        closes = closes < 0 ? -1 : transport.connectionsClosedByServer() - closes;
        stop = true;

        long successes = 0;
        Map<String, Long> errors = new TreeMap<>();
        List<Latencies> latencies = new ArrayList<>();
        for (Worker worker : workers) {
            worker.thread.join(70_000);
            successes += worker.latencies.size();
            latencies.add(worker.latencies);
            worker.errors.forEach((kind, count) -> errors.merge(kind, count, Long::sum));
        }
        long[] counts = new long[seconds];
        for (int i = 0; i < seconds; i++) {
            counts[i] = perSecond.get(i);
        }
        return new Result(clients, transportName, warmedUp, (windowEnd - windowStart) / 1e9, successes, errors,
                Latencies.merge(latencies), CpuMeter.between(before, after), handshakes, closes, counts, peerCpu);
    }

    /**
     * Warms up until the service's JIT compiler threads have been (nearly) idle for two steps and the
     * rate has stopped growing; by the rate alone when the service's PID is unknown.
     */
    private void warmUntilStable(long origin, long serverPid) throws InterruptedException {
        List<Double> rates = new ArrayList<>();
        List<Double> jit = new ArrayList<>();
        long began = System.nanoTime();
        double compiled = CpuMeter.compilerSeconds(serverPid);
        while (true) {
            rates.addAll(steps(origin, STEP, "warm-up/" + active));
            double now = CpuMeter.compilerSeconds(serverPid);
            jit.add(compiled < 0 || now < 0 ? 0 : (now - compiled) / (STEP / 1e9));
            compiled = now;
            int n = rates.size();
            long elapsed = System.nanoTime() - began;
            if (elapsed >= MIN_AUTO && n >= 3) {
                boolean jitIdle = jit.get(n - 1) < 0.05 && jit.get(n - 2) < 0.05;
                boolean flat = rates.get(n - 1) <= 1.05 * rates.get(n - 2) && rates.get(n - 2) <= 1.05 * rates.get(n - 3);
                if (jitIdle && flat && rates.get(n - 1) > 0) {
                    return;
                }
            }
            if (elapsed >= MAX_AUTO) {
                System.out.println("[bench] warm-up did not settle in " + MAX_AUTO / 1_000_000_000L + " s; measuring anyway");
                return;
            }
            if (n % 2 == 0 && compiled >= 0) {
                System.out.printf(Locale.ROOT, "[bench]        service JIT compiler threads: %.2f cores over the last step%n", jit.get(n - 1));
            }
        }
    }

    /** Sleeps for the given time in 5 s steps, printing and returning the rate of answers of each step. */
    private List<Double> steps(long origin, long duration, String phase) throws InterruptedException {
        List<Double> rates = new ArrayList<>();
        long end = System.nanoTime() + duration;
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            long from = System.nanoTime();
            long count = completed.get();
            TimeUnit.NANOSECONDS.sleep(Math.min(left, STEP));
            long now = System.nanoTime();
            double rate = (completed.get() - count) * 1e9 / (now - from);
            rates.add(rate);
            System.out.printf(Locale.ROOT, "[bench]   %4.0f s %-12s %6.0f answers/s%n", (now - origin) / 1e9, phase, rate);
        }
        return rates;
    }

    private final class Worker implements Runnable {

        final int index;
        final Thread thread;
        final Latencies latencies = new Latencies();
        final Map<String, Long> errors = new TreeMap<>();

        Worker(int index) {
            this.index = index;
            this.thread = new Thread(this, "client-" + index);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (!stop && index >= active) {
                    Thread.sleep(20);
                }
                try (Transport.Connection connection = transport.open()) {
                    while (!stop) {
                        send(connection);
                    }
                }
            } catch (Exception e) {
                errors.merge("open: " + e.getClass().getSimpleName(), 1L, Long::sum);
                firstError("open", String.valueOf(e.getMessage()));
            }
        }

        private void send(Transport.Connection connection) throws InterruptedException {
            long start = System.nanoTime();
            String error = null;
            try {
                Failure failure = exchange.run(connection);
                if (failure != null) {
                    error = failure.kind();
                    firstError(error, failure.detail());
                }
            } catch (Exception e) {
                error = e.getClass().getSimpleName();
                firstError(error, String.valueOf(e.getMessage()));
            }
            long end = System.nanoTime();
            completed.incrementAndGet();
            long from = windowStart;
            if (end >= from && end < windowEnd) {
                if (error == null) {
                    latencies.add(end - start);
                    AtomicLongArray counts = perSecond;
                    counts.incrementAndGet((int) Math.min(counts.length() - 1, (end - from) / 1_000_000_000L));
                } else {
                    errors.merge(error, 1L, Long::sum);
                }
            }
            if (error != null && !error.contains("HTTP")) {
                Thread.sleep(5); // a refused or broken connection: do not spin
            }
        }
    }

    private static void firstError(String kind, String detail) {
        if (REPORTED.putIfAbsent(kind, Boolean.TRUE) == null) {
            System.err.println("first " + kind + ": " + detail.substring(0, Math.min(400, detail.length())));
        }
    }
}
