package org.fujie.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the CPU went during a measurement, from /proc (Linux): this process (the load generator),
 * the service (by PID), all PostgreSQL processes, and the whole machine. Figures are in cores:
 * CPU seconds per wall-clock second. Elsewhere than Linux the /proc figures read as zero.
 */
public final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux distribution

    public record Snapshot(long wallNanos, long selfCpuNanos, long serverTicks, Map<String, Long> postgresTicks,
            long machineBusyTicks) {
    }

    public record Usage(double generator, double server, double postgres, double machine) {
    }

    private CpuMeter() {
    }

    public static Snapshot take(long serverPid) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Snapshot(System.nanoTime(), os.getProcessCpuTime(),
                serverPid > 0 ? processTicks(Path.of("/proc", Long.toString(serverPid), "stat")) : 0,
                postgresTicks(), machineBusyTicks());
    }

    public static Usage between(Snapshot a, Snapshot b) {
        double seconds = (b.wallNanos - a.wallNanos) / 1e9;
        long postgres = 0;
        for (Map.Entry<String, Long> entry : b.postgresTicks.entrySet()) {
            postgres += entry.getValue() - a.postgresTicks.getOrDefault(entry.getKey(), 0L);
        }
        return new Usage(
                (b.selfCpuNanos - a.selfCpuNanos) / 1e9 / seconds,
                (b.serverTicks - a.serverTicks) / TICKS_PER_SECOND / seconds,
                postgres / TICKS_PER_SECOND / seconds,
                (b.machineBusyTicks - a.machineBusyTicks) / TICKS_PER_SECOND / seconds);
    }

    /**
     * CPU seconds the JIT compiler threads of a JVM have used so far (threads named "C1/C2 CompilerThread"
     * in /proc/PID/task), or -1 when they cannot be read. The JIT is done warming up when this stops growing.
     */
    static double compilerSeconds(long pid) {
        if (pid <= 0) {
            return -1;
        }
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        ticks += processTicks(task.resolve("stat"));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** utime + stime of /proc/PID/stat, in ticks; 0 when unreadable. */
    private static long processTicks(Path stat) {
        try {
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static Map<String, Long> postgresTicks() {
        Map<String, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    if (stat.contains("(postgres)")) {
                        ticks.put(process.getFileName().toString(), processTicks(process.resolve("stat")));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc
        }
        return ticks;
    }

    /** All CPUs' non-idle time from /proc/stat: user, nice, system, irq, softirq, steal. */
    private static long machineBusyTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
