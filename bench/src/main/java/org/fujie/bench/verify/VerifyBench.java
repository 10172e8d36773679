package org.fujie.bench.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.fujie.bench.BenchPdfs;
import org.fujie.bench.ClosedLoop;
import org.fujie.bench.ClosedLoop.Run;
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

    /** Closed loop: each thread verifies the same bytes back to back for the window; completions inside it count. */
    private static Run measure(Contender contender, byte[] pdf, int threads, double seconds) throws InterruptedException {
        return ClosedLoop.measure("verify-" + contender.name(), () -> contender.passes().test(pdf), threads, seconds);
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
                byte[] pdf = DssSide.sign(BenchPdfs.text(pages, "Fujie verification benchmark"), pki);
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
                print("warm-up %,d bytes: Fujie %,d docs, DSS %,d docs", pdf.length, f.operations(), d.operations());
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
                    Run f = Run.merge(fujieRuns);
                    Run d = Run.merge(dssRuns);
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
                pages, threads, round, name, run.rate(), run.percentileMs(50), run.percentileMs(99), run.operations(), run.failures(),
                run.ownCores(), run.otherCores());
        if (run.failures() > 0) {
            throw new IllegalStateException(name + " did not answer TOTAL_PASSED for " + run.failures() + " documents"
                    + (run.firstFailure() == null ? "" : "; first error: " + run.firstFailure()));
        }
    }
}
