package org.fujie.bench.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.fujie.pki.pdf.PdfReport;
import org.fujie.pki.pdf.PdfVerifier;
import org.fujie.pki.pdf.PdfVerifierSettings;
import org.fujie.pki.validation.Indication;
import org.fujie.pki.validation.JdkHttpFetcher;
import org.fujie.pki.validation.TrustAnchor;
import org.fujie.pki.validation.ValidationPolicy;

/**
 * Verification throughput and latency of signed PDFs, Fujie's {@link PdfVerifier} against EU DSS 6.3's
 * SignedDocumentValidator on the same files in the same JVM, revocation (CRLs) served by a local HTTP server.
 * See bench/README.md, "Verification benchmark".
 *
 * <pre>
 * java -cp bench/target/bench-0.1.0-SNAPSHOT.jar org.fujie.bench.verify.VerifyBench [--seconds 5] [--warmup 15]
 *      [--rounds 2] [--threads 1,2] [--pages 1,100] [--out FILE]
 * </pre>
 */
public final class VerifyBench {

    private static final double TARGET = 5.0;

    private record Options(double seconds, double warmup, int rounds, int[] threads, int[] pages, Path out) {
        static Options parse(String[] args) {
            double seconds = 5, warmup = 15;
            int rounds = 2;
            int[] threads = {1, 2}, pages = {1, 100};
            Path out = null;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--seconds" -> seconds = Double.parseDouble(value);
                    case "--warmup" -> warmup = Double.parseDouble(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--threads" -> threads = ints(value);
                    case "--pages" -> pages = ints(value);
                    case "--out" -> out = Path.of(value);
                    case "-h", "--help" -> {
                        System.out.println("VerifyBench [--seconds 5] [--warmup 15] [--rounds 2] [--threads 1,2] [--pages 1,100] [--out FILE]");
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
                i++;
            }
            return new Options(seconds, warmup, rounds, threads, pages, out);
        }

        private static int[] ints(String csv) {
            return Arrays.stream(csv.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        }
    }

    /** One verifier under test: verifies the bytes, true when the verdict is TOTAL_PASSED. */
    private record Contender(String name, Predicate<byte[]> passes) {
    }

    /** One measurement: documents per second and latency percentiles (ms), CPU used by this JVM and by everything else. */
    private record Run(long documents, long failures, double seconds, long[] latenciesNanos, double ownCores, double otherCores) {
        double rate() {
            return documents / seconds;
        }

        double percentileMs(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * latenciesNanos.length);
            return latenciesNanos[Math.max(0, Math.min(latenciesNanos.length - 1, rank - 1))] / 1e6;
        }
    }

    private final StringBuilder report = new StringBuilder();

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new VerifyBench().run(options);
    }

    private void print(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        report.append(line).append('\n');
    }

    private void run(Options options) throws Exception {
        print("Fujie verification benchmark, %s, Java %s, %d cores", java.time.Instant.now(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        print("measured %.0f s per run, %d rounds alternating Fujie/DSS, warm-up %.0f s per verifier and file", options.seconds(),
                options.rounds(), options.warmup());
        try (BenchPki pki = new BenchPki()) {
            PdfVerifier fujie = PdfVerifier.online(List.of(TrustAnchor.forAllPurposes(pki.root.x509())), ValidationPolicy.defaults(),
                    JdkHttpFetcher.withDefaults(), Clock.systemUTC(), PdfVerifierSettings.defaults());
            DssSide dss = new DssSide(pki);
            print("revocation: CRLs of root and issuing CA at %s and %s (JDK HttpServer, 127.0.0.1); no OCSP", pki.rootCrlUrl, pki.issuingCrlUrl);
            print("caching as in a service: one Fujie PdfVerifier for all documents (its CRL/OCSP caches shared);");
            print("  one DSS CommonCertificateVerifier + loaded default policy for all documents, its online CRL source keeping");
            print("  downloaded CRL bytes until nextUpdate (like a caching data loader); DSS rebuilds the CRL token per document");
            Contender fujieContender = new Contender("Fujie", pdf -> fujie.verify(pdf).indication() == Indication.TOTAL_PASSED);
            Contender dssContender = new Contender("DSS", pdf -> dss.validate(pdf) == eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED);

            List<String> summary = new ArrayList<>();
            boolean allMet = true;
            Map<Integer, byte[]> pdfs = new LinkedHashMap<>();
            for (int pages : options.pages()) {
                byte[] pdf = DssSide.sign(document(pages), pki);
                pdfs.put(pages, pdf);
                print("%d-page PDF, PAdES B-B signed by DSS 6.3 (RSA-2048, SHA-256), %,d bytes", pages, pdf.length);
                PdfReport fujieReport = fujie.verify(pdf);
                String dssVerdict = dss.describe(pdf);
                print("check: Fujie %s/%s, DSS %s", fujieReport.indication(), fujieReport.subIndication(), dssVerdict);
                if (fujieReport.indication() != Indication.TOTAL_PASSED || !dssVerdict.startsWith("TOTAL_PASSED")) {
                    throw new IllegalStateException("both verifiers must answer TOTAL_PASSED before measuring: Fujie "
                            + fujieReport.indication() + " " + fujieReport.detail() + "; DSS " + dssVerdict);
                }
            }
            // Warm-up before any measurement, both verifiers on every file, so no case is measured while the JIT
            // is still compiling code that a later case would find compiled.
            for (byte[] pdf : pdfs.values()) {
                Run f = measure(fujieContender, pdf, 1, options.warmup());
                Run d = measure(dssContender, pdf, 1, options.warmup());
                print("warm-up %,d bytes: Fujie %,d docs, DSS %,d docs", pdf.length, f.documents(), d.documents());
            }
            for (Map.Entry<Integer, byte[]> file : pdfs.entrySet()) {
                int pages = file.getKey();
                byte[] pdf = file.getValue();
                print("");
                print("== %d-page PDF, %,d bytes", pages, pdf.length);
                for (int threads : options.threads()) {
                    List<Run> fujieRuns = new ArrayList<>();
                    List<Run> dssRuns = new ArrayList<>();
                    for (int round = 1; round <= options.rounds(); round++) {
                        boolean fujieFirst = round % 2 == 1;
                        Contender first = fujieFirst ? fujieContender : dssContender;
                        Contender second = fujieFirst ? dssContender : fujieContender;
                        Run a = measure(first, pdf, threads, options.seconds());
                        line(pages, threads, round, first.name(), a);
                        Run b = measure(second, pdf, threads, options.seconds());
                        line(pages, threads, round, second.name(), b);
                        (fujieFirst ? fujieRuns : dssRuns).add(a);
                        (fujieFirst ? dssRuns : fujieRuns).add(b);
                    }
                    Run f = merge(fujieRuns);
                    Run d = merge(dssRuns);
                    double ratio = f.rate() / d.rate();
                    boolean met = ratio >= TARGET;
                    allMet &= met;
                    String text = String.format(Locale.ROOT,
                            "%3d pages, %d thread%s: Fujie %,9.1f docs/s (p50 %.2f, p99 %.2f ms) | DSS %,8.1f docs/s (p50 %.2f, p99 %.2f ms) | ratio %5.1fx %s | other CPU %.2f cores",
                            pages, threads, threads == 1 ? " " : "s", f.rate(), f.percentileMs(50), f.percentileMs(99), d.rate(),
                            d.percentileMs(50), d.percentileMs(99), ratio, met ? "target 5x MET" : "target 5x NOT met",
                            (f.otherCores() * f.seconds() + d.otherCores() * d.seconds()) / (f.seconds() + d.seconds()));
                    summary.add(text);
                }
            }
            print("");
            print("== Summary (all rounds of each case merged; latency nearest rank)");
            summary.forEach(s -> print("%s", s));
            print("CRL downloads from the local server: root %d, issuing %d (DSS's source fetched %d of them)",
                    pki.hits("/crl/root.crl"), pki.hits("/crl/issuing.crl"), dss.crlDownloads());
            print("5x target (Fujie/DSS throughput >= %.0f in every case): %s", TARGET, allMet ? "MET" : "NOT MET");
        }
        if (options.out() != null) {
            Files.createDirectories(options.out().toAbsolutePath().getParent());
            Files.writeString(options.out(), report);
            System.out.println("written to " + options.out());
        }
    }

    private void line(int pages, int threads, int round, String name, Run run) {
        print("  %3d pages, %d thr, round %d, %-5s: %,9.1f docs/s  p50 %7.2f ms  p99 %7.2f ms  (%,d docs, %d failed; CPU this JVM %.2f, other %.2f cores)",
                pages, threads, round, name, run.rate(), run.percentileMs(50), run.percentileMs(99), run.documents(), run.failures(),
                run.ownCores(), run.otherCores());
        if (run.failures() > 0) {
            throw new IllegalStateException(name + " did not answer TOTAL_PASSED for " + run.failures() + " documents");
        }
    }

    private static Run merge(List<Run> runs) {
        long documents = 0, failures = 0;
        double seconds = 0, own = 0, other = 0;
        List<long[]> all = new ArrayList<>();
        for (Run r : runs) {
            documents += r.documents();
            failures += r.failures();
            seconds += r.seconds();
            own += r.ownCores() * r.seconds();
            other += r.otherCores() * r.seconds();
            all.add(r.latenciesNanos());
        }
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Run(documents, failures, seconds, latencies, own / seconds, other / seconds);
    }

    /** Closed loop: each thread verifies the same bytes back to back for the window; completions inside it count. */
    private static Run measure(Contender contender, byte[] pdf, int threads, double seconds) throws InterruptedException {
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        long[] failures = new long[threads];
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        long windowNanos = (long) (seconds * 1e9);
        long[] startAt = new long[1];
        List<Thread> workers = new ArrayList<>();
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
                        if (before >= end) {
                            break;
                        }
                        boolean ok = contender.passes().test(pdf);
                        long after = System.nanoTime();
                        if (after > end) {
                            break;
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = after - before;
                        if (!ok) {
                            failed++;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    latencies[index] = Arrays.copyOf(mine, n);
                    counts[index] = n;
                    failures[index] = failed;
                    done.countDown();
                }
            }, "verify-" + contender.name() + "-" + t);
            workers.add(worker);
            worker.start();
        }
        long cpuBefore = processCpuNanos();
        long[] machineBefore = machineJiffies();
        startAt[0] = System.nanoTime();
        start.countDown();
        done.await();
        double elapsed = (System.nanoTime() - startAt[0]) / 1e9;
        long cpuAfter = processCpuNanos();
        long[] machineAfter = machineJiffies();
        double own = (cpuAfter - cpuBefore) / 1e9 / elapsed;
        double other = Double.NaN;
        if (machineBefore != null && machineAfter != null) {
            double busySeconds = (machineAfter[0] - machineBefore[0]) / 100.0;  // USER_HZ
            other = Math.max(0, busySeconds / elapsed - own);
        }
        long documents = Arrays.stream(counts).sum();
        long failed = Arrays.stream(failures).sum();
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        return new Run(documents, failed, seconds, all, own, other);
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    /** Busy jiffies of the whole machine from /proc/stat (user+nice+system+irq+softirq+steal), or null. */
    private static long[] machineJiffies() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < fields.length && i <= 8; i++) {
                if (i != 4 && i != 5) {  // idle, iowait
                    busy += Long.parseLong(fields[i]);
                }
            }
            return new long[] {busy};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A PDF of the given number of pages, each with a heading and some lines of text (PDFBox, default compression). */
    static byte[] document(int pages) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int p = 1; p <= pages; p++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 16);
                    content.newLineAtOffset(72, 720);
                    content.showText("Fujie verification benchmark, page " + p + " of " + pages);
                    content.setFont(font, 11);
                    for (int line = 0; line < 40; line++) {
                        content.newLineAtOffset(0, -15);
                        content.showText("Line " + (line + 1) + ": the quick brown fox jumps over the lazy dog, contract clause " + p + "." + line);
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
