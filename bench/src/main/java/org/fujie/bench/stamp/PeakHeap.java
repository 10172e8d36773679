package org.fujie.bench.stamp;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import org.fujie.bench.BenchPdfs;
import org.fujie.pki.cms.BaselineLevel;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Peak heap of stamping one large PDF (B-B, EC-P256 seal, the seal image on the last page), each signer in fresh JVMs
 * on the same {@code java} with its default collector (G1 here). Two figures per signer:
 * <ul>
 * <li>the smallest {@code -Xmx}, in {@value #STEP_MB} MiB steps, at which one stamping succeeds (a child exits 0 within
 * {@value #TIMEOUT_S} s; {@code -XX:+ExitOnOutOfMemoryError} ends it on the first OutOfMemoryError), found by bisection;</li>
 * <li>in that smallest run and in a run at {@value #GENEROUS_MB} MiB: the largest heap in use right after a collection while
 * stamping (what was live), the sum of the heap pools' peaks (an upper bound: live plus garbage not yet collected), and the
 * baseline before stamping (the input document, the PKI, loaded classes).</li>
 * </ul>
 * The run at {@value #GENEROUS_MB} MiB also judges the signed document with {@link StampCheck}.
 * Run as a child: {@code PeakHeap --side Fujie|DSS --file F [--check]}.
 */
final class PeakHeap {

    private static final int GENEROUS_MB = 4096;
    private static final int STEP_MB = 16;
    private static final long TIMEOUT_S = 300;

    private PeakHeap() {
    }

    /** The child: one warm-up stamp of a 1-page PDF, then the large file with the heap watched; one RESULT line. */
    public static void main(String[] args) throws Exception {
        Map<String, String> v = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            v.put(args[i].substring(2), args[i + 1]);
        }
        boolean check = "true".equals(v.get("check"));
        try (StampFixture fixture = new StampFixture(List.of("EC-P256"), SealImage.PIXELS)) {
            Stamper stamper = "DSS".equalsIgnoreCase(v.get("side"))
                    ? new DssStamper(fixture.timeStamper, fixture.pki.root.x509(), 0) : new FujieStamper();
            Stamper.Seal seal = fixture.seals.get("EC-P256");
            stamper.stamp(BenchPdfs.text(1, "warm-up"), seal, BaselineLevel.B_B, StampBench.place(1));
            byte[] pdf = Files.readAllBytes(Path.of(v.get("file")));
            Stamper.Place place = StampBench.place(Integer.parseInt(v.get("pages")));
            System.gc();
            long baseline = heapUsed();
            Watch watch = new Watch();
            long start = System.nanoTime();
            byte[] signed = stamper.stamp(pdf, seal, BaselineLevel.B_B, place);
            long millis = (System.nanoTime() - start) / 1_000_000;
            Thread.sleep(300);  // GC notifications arrive on their own thread
            System.out.printf("RESULT ok=true ms=%d baseline=%d afterGcMax=%d poolPeakSum=%d gcs=%d signed=%d%n", millis, baseline,
                    watch.afterGcMax.get(), poolPeakSum(), watch.count.get(), signed.length);
            if (check) {
                System.out.println("CHECK " + StampCheck.check(stamper.name(), pdf, signed, fixture.verifier, BaselineLevel.B_B, place));
            }
        }
    }

    /** Largest heap in use after any collection since it was made; pool peaks reset when it is made. */
    private static final class Watch {
        final AtomicLong afterGcMax = new AtomicLong();
        final AtomicLong count = new AtomicLong();

        Watch() {
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                        long used = heap(info.getMemoryUsageAfterGc());
                        afterGcMax.accumulateAndGet(used, Math::max);
                        count.incrementAndGet();
                    }
                }, null, null);
            }
        }

        private static long heap(Map<String, MemoryUsage> pools) {
            long used = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                MemoryUsage usage = pools.get(pool.getName());
                if (pool.getType() == MemoryType.HEAP && usage != null) {
                    used += usage.getUsed();
                }
            }
            return used;
        }
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long poolPeakSum() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    /** What one child reported: null fields when it failed. */
    private record Outcome(boolean ok, Map<String, Long> values, String check, String failure) {
        String mb(String key) {
            return values.containsKey(key) ? String.format(java.util.Locale.ROOT, "%,d MiB", values.get(key) / (1024 * 1024)) : "n/a";
        }
    }

    /** The parent: writes the large PDF once, then runs the children for each side and reports. */
    static void probe(List<String> sides, int pages, StampBench.Printer out) throws Exception {
        Path dir = Files.createTempDirectory("fujie-stamp-heap");
        Path file = dir.resolve("large.pdf");
        try {
            try (OutputStream stream = Files.newOutputStream(file)) {
                BenchPdfs.large(pages, stream);
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            out.print("large PDF: %d pages of 2,000 x 1,667 px random RGB, unfiltered; %,d bytes, SHA-256 %s...", pages, Files.size(file),
                    HexFormat.of().formatHex(digest, 0, 8));
            for (String side : sides) {
                Outcome generous = child(side, file, pages, GENEROUS_MB, true);
                if (!generous.ok()) {
                    out.print("  %-5s -Xmx%dm: FAILED (%s); no smaller heap tried", side, GENEROUS_MB, generous.failure());
                    continue;
                }
                out.print("  %-5s -Xmx%dm: stamped in %,d ms, %d GCs; baseline %s, live after GC max %s, pool peaks sum %s",
                        side, GENEROUS_MB, generous.values().get("ms"), generous.values().get("gcs"), generous.mb("baseline"),
                        generous.mb("afterGcMax"), generous.mb("poolPeakSum"));
                out.print("        %s", generous.check());
                int ok = GENEROUS_MB, bad = (int) (Files.size(file) >> 20);  // less than the input itself cannot work
                Outcome smallest = generous;
                List<String> tried = new ArrayList<>();
                while (ok - bad > STEP_MB) {
                    int mid = (ok + bad) / 2 / STEP_MB * STEP_MB;
                    mid = mid <= bad ? bad + STEP_MB : mid;
                    Outcome o = child(side, file, pages, mid, false);
                    tried.add(mid + (o.ok() ? " ok" : " failed"));
                    if (o.ok()) {
                        ok = mid;
                        smallest = o;
                    } else {
                        bad = mid;
                    }
                }
                out.print("  %-5s smallest -Xmx that stamps: %d MiB (%d MiB failed); there: %,d ms, %d GCs, live after GC max %s, pool peaks sum %s",
                        side, ok, bad, smallest.values().get("ms"), smallest.values().get("gcs"), smallest.mb("afterGcMax"),
                        smallest.mb("poolPeakSum"));
                out.print("        tried: %s", String.join(", ", tried));
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private static Outcome child(String side, Path file, int pages, int heapMb, boolean check) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heapMb + "m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), PeakHeap.class.getName(),
                "--side", side, "--file", file.toString(), "--pages", Integer.toString(pages), "--check", Boolean.toString(check)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        StringBuilder text = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                text.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.append(e);
            }
        });
        reader.start();
        if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            reader.join();
            return new Outcome(false, Map.of(), null, "not done after " + TIMEOUT_S + " s");
        }
        reader.join();
        Map<String, Long> values = new LinkedHashMap<>();
        String checkLine = null;
        for (String line : text.toString().split("\n")) {
            if (line.startsWith("RESULT ")) {
                for (String pair : line.substring(7).trim().split(" ")) {
                    String[] kv = pair.split("=");
                    if (!kv[0].equals("ok")) {
                        values.put(kv[0], Long.parseLong(kv[1]));
                    }
                }
            } else if (line.startsWith("CHECK ")) {
                checkLine = line.substring(6);
            }
        }
        boolean ok = process.exitValue() == 0 && values.containsKey("ms") && (!check || checkLine != null);
        String failure = ok ? null : "exit " + process.exitValue() + ": " + lastLines(text.toString());
        return new Outcome(ok, values, checkLine, failure);
    }

    private static String lastLines(String text) {
        String[] lines = text.strip().split("\n");
        return String.join(" | ", java.util.Arrays.asList(lines).subList(Math.max(0, lines.length - 3), lines.length));
    }
}
