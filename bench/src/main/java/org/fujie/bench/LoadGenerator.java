package org.fujie.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Closed-loop load: N workers, each on its own keep-alive connection, send the next CSR as soon as
 * the previous answer is in. Only answers that complete inside the measurement window (after the
 * warm-up) count; a success is a 201, anything else is an error, reported by kind.
 */
final class LoadGenerator {

    record Result(int clients, String transport, double seconds, long successes, Map<String, Long> errors,
            Latencies latencies, CpuMeter.Usage cpu) {

        double perSecond() {
            return successes / seconds;
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Transport transport;
    private final CsrPool pool;
    private volatile boolean stop;
    private long windowStart;
    private long windowEnd;

    LoadGenerator(Transport transport, CsrPool pool) {
        this.transport = transport;
        this.pool = pool;
    }

    Result run(int clients, String transportName, int warmupSeconds, int seconds, long serverPid) throws InterruptedException {
        long now = System.nanoTime();
        windowStart = now + TimeUnit.SECONDS.toNanos(warmupSeconds);
        windowEnd = windowStart + TimeUnit.SECONDS.toNanos(seconds);
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Worker worker = new Worker();
            workers.add(worker);
            Thread thread = new Thread(worker, "client-" + i);
            thread.setDaemon(true);
            worker.thread = thread;
            thread.start();
        }
        sleepUntil(windowStart);
        CpuMeter.Snapshot before = CpuMeter.take(serverPid);
        sleepUntil(windowEnd);
        CpuMeter.Snapshot after = CpuMeter.take(serverPid);
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
        return new Result(clients, transportName, (windowEnd - windowStart) / 1e9, successes, errors,
                Latencies.merge(latencies), CpuMeter.between(before, after));
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private final class Worker implements Runnable {

        Thread thread;
        final Latencies latencies = new Latencies();
        final Map<String, Long> errors = new TreeMap<>();

        @Override
        public void run() {
            try (Transport.Connection connection = transport.open()) {
                while (!stop) {
                    byte[] body = pool.next().body();
                    long start = System.nanoTime();
                    String error = null;
                    try {
                        Transport.Response response = connection.post(body);
                        if (response.status() != 201) {
                            error = "HTTP " + response.status();
                            firstError(error, new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
                        }
                    } catch (Exception e) {
                        error = e.getClass().getSimpleName();
                        firstError(error, String.valueOf(e.getMessage()));
                    }
                    long end = System.nanoTime();
                    if (end >= windowStart && end < windowEnd) {
                        if (error == null) {
                            latencies.add(end - start);
                        } else {
                            errors.merge(error, 1L, Long::sum);
                        }
                    }
                    if (error != null && !(error.startsWith("HTTP"))) {
                        pause();
                    }
                }
            } catch (Exception e) {
                errors.merge("open: " + e.getClass().getSimpleName(), 1L, Long::sum);
                firstError("open", String.valueOf(e.getMessage()));
            }
        }

        private void pause() {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final Map<String, Boolean> REPORTED = new java.util.concurrent.ConcurrentHashMap<>();

    private static void firstError(String kind, String detail) {
        if (REPORTED.putIfAbsent(kind, Boolean.TRUE) == null) {
            System.err.println("first " + kind + ": " + detail.substring(0, Math.min(400, detail.length())));
        }
    }
}
