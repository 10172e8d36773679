package org.fujie.bench.verify;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.fujie.bench.BenchArgs;
import org.fujie.bench.BenchLog;
import org.fujie.bench.BenchPdfs;
import org.fujie.bench.ClosedLoop.Run;
import org.fujie.bench.HeadToHead;
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
            BenchArgs v = BenchArgs.parse(args, "VerifyBench [--seconds 5] [--warmup 15] [--rounds 2] [--threads 1,2] [--pages 1,100] [--out FILE]");
            Options options = new Options(v.number("seconds", 5), v.number("warmup", 15), v.integer("rounds", 2), v.integers("threads", "1,2"),
                    v.integers("pages", "1,100"), v.path("out"));
            v.done();
            return options;
        }
    }

    private final BenchLog log = new BenchLog();

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new VerifyBench().run(options);
    }

    private void print(String format, Object... args) {
        log.print(format, args);
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
            HeadToHead headToHead = new HeadToHead(log, "docs");

            List<String> summary = new ArrayList<>();
            boolean allMet = true;
            Map<Integer, byte[]> pdfs = new LinkedHashMap<>();
            for (int pages : options.pages()) {
                byte[] pdf = DssSide.sign(BenchPdfs.text(pages, "Fujie verification benchmark"), pki);
                pdfs.put(pages, pdf);
                print("%d-page PDF, PAdES B-B signed by DSS 6.3 (RSA-2048, SHA-256), %,d bytes", pages, pdf.length);
                PdfReport fujieReport = fujie.verify(pdf);
                String dssVerdict = dss.describe(pdf, "signed.pdf");
                print("check: Fujie %s/%s, DSS %s", fujieReport.indication(), fujieReport.subIndication(), dssVerdict);
                if (fujieReport.indication() != Indication.TOTAL_PASSED || !dssVerdict.startsWith("TOTAL_PASSED")) {
                    throw new IllegalStateException("both verifiers must answer TOTAL_PASSED before measuring: Fujie "
                            + fujieReport.indication() + " " + fujieReport.detail() + "; DSS " + dssVerdict);
                }
            }
            // Warm-up before any measurement, both verifiers on every file, so no case is measured while the JIT
            // is still compiling code that a later case would find compiled.
            print("warm-up, 1 thread:");
            for (byte[] pdf : pdfs.values()) {
                headToHead.warmUp(String.format(Locale.ROOT, "%,d bytes", pdf.length), fujie(fujie, pdf), dss(dss, pdf), options.warmup());
            }
            for (Map.Entry<Integer, byte[]> file : pdfs.entrySet()) {
                int pages = file.getKey();
                byte[] pdf = file.getValue();
                print("");
                print("== %d-page PDF, %,d bytes", pages, pdf.length);
                for (int threads : options.threads()) {
                    HeadToHead.Result result = headToHead.rounds(String.format(Locale.ROOT, "%3d pages, ", pages), fujie(fujie, pdf),
                            dss(dss, pdf), threads, options.rounds(), options.seconds());
                    Run f = result.first();
                    Run d = result.second();
                    double ratio = result.ratio();
                    boolean met = ratio >= TARGET;
                    allMet &= met;
                    String text = String.format(Locale.ROOT,
                            "%3d pages, %d thread%s: Fujie %,9.1f docs/s (p50 %.2f, p99 %.2f ms) | DSS %,8.1f docs/s (p50 %.2f, p99 %.2f ms) | ratio %5.1fx %s | other CPU %.2f cores",
                            pages, threads, threads == 1 ? " " : "s", f.rate(), f.percentileMs(50), f.percentileMs(99), d.rate(),
                            d.percentileMs(50), d.percentileMs(99), ratio, met ? "target 5x MET" : "target 5x NOT met",
                            result.otherCores());
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
        log.writeTo(options.out());
    }

    /** Fujie's verifier on the bytes: TOTAL_PASSED or a failure. */
    private static HeadToHead.Contender fujie(PdfVerifier verifier, byte[] pdf) {
        return new HeadToHead.Contender("Fujie", () -> verifier.verify(pdf).indication() == Indication.TOTAL_PASSED);
    }

    private static HeadToHead.Contender dss(DssSide dss, byte[] pdf) {
        return new HeadToHead.Contender("DSS", () -> dss.validate(pdf, "signed.pdf") == eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED);
    }
}
