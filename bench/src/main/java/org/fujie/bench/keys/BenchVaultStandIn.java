package org.fujie.bench.keys;

import org.fujie.pki.operator.vault.VaultTransitStandIn;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * pki-core's {@link VaultTransitStandIn} (test code, NOT Vault) for bench's key-backend benchmark. Requests are handled on a pool of threads this class made, so the CPU they use can be
 * told apart from the client's (the vault-java-driver and the backend) in the same JVM.
 */
public final class BenchVaultStandIn implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final List<Thread> handlers = new CopyOnWriteArrayList<>();
    private final ExecutorService executor;
    private final VaultTransitStandIn standIn;

    private BenchVaultStandIn(String rootToken, int threads) throws IOException {
        executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "vault-standin-" + handlers.size());
            thread.setDaemon(true);
            handlers.add(thread);
            return thread;
        });
        standIn = VaultTransitStandIn.startForLoad(rootToken, executor);
    }

    /**
     * A stand-in on 127.0.0.1 that accepts {@code rootToken}, handling up to {@code threads} requests at once.
     *
     * @param noDelay TCP_NODELAY on the server's sockets. The JDK's HTTP server leaves Nagle's algorithm on by default
     *        ({@code sun.net.httpserver.nodelay}, read once per JVM when the first server starts), and its answer
     *        leaves in two writes, so each request waits ~40 ms for the client's delayed ACK; Vault (Go) sets NODELAY.
     */
    public static BenchVaultStandIn start(String rootToken, int threads, boolean noDelay) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", Boolean.toString(noDelay));
        return new BenchVaultStandIn(rootToken, threads);
    }

    public String address() {
        return standIn.address();
    }

    /** CPU nanoseconds the stand-in has used so far: its handler threads and the HTTP server's dispatcher thread. */
    public long cpuNanos() {
        long total = 0;
        for (Thread thread : handlers) {
            total += Math.max(0, THREADS.getThreadCpuTime(thread.getId()));
        }
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("HTTP-Dispatcher")) {
                total += Math.max(0, THREADS.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    @Override
    public void close() {
        standIn.close();
        executor.shutdownNow();
    }
}
