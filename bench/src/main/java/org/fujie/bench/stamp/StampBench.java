package org.fujie.bench.stamp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.fujie.bench.BenchArgs;
import org.fujie.bench.BenchLog;
import org.fujie.bench.BenchPdfs;
import org.fujie.bench.HeadToHead;
import org.fujie.pki.cms.BaselineLevel;

/**
 * PAdES stamping throughput and latency: Fujie's PadesSigner against EU DSS 6.3's PAdESService on the same PDFs, with
 * the same seal key, image, place and TSA, in the same JVM; then the peak heap of stamping one 100 MB PDF, each side in
 * fresh JVMs ({@link PeakHeap}). See bench/README.md, "Stamping benchmark".
 *
 * <pre>
 * java -cp bench/target/bench-0.1.0-SNAPSHOT.jar org.fujie.bench.stamp.StampBench [--seconds 5] [--warmup 5] [--rounds 2]
 *      [--threads 1,2] [--pages 1,100] [--levels B-B,B-T] [--keys EC-P256,RSA-2048] [--seal-pixels 400] [--memory Fujie,DSS|none]
 *      [--memory-pages 10] [--dss-content-size 0] [--out FILE]
 * </pre>
 */
public final class StampBench {

    private record Options(double seconds, double warmup, int rounds, int[] threads, int[] pages, List<BaselineLevel> levels,
            List<String> keys, int sealPixels, List<String> memory, int memoryPages, int dssContentSize, Path out) {

        static final String USAGE = "StampBench [--seconds 5] [--warmup 5] [--rounds 2] [--threads 1,2] [--pages 1,100]"
                + " [--levels B-B,B-T] [--keys EC-P256,RSA-2048] [--seal-pixels 400] [--memory Fujie,DSS|none] [--memory-pages 10]"
                + " [--dss-content-size 0] [--out FILE]";

        static Options parse(String[] args) {
            BenchArgs v = BenchArgs.parse(args, USAGE);
            Options options = new Options(v.number("seconds", 5), v.number("warmup", 5), v.integer("rounds", 2),
                    v.integers("threads", "1,2"), v.integers("pages", "1,100"),
                    v.list("levels", "B-B,B-T").stream().map(StampBench::level).toList(), v.list("keys", "EC-P256,RSA-2048"),
                    v.integer("seal-pixels", 400), v.list("memory", "Fujie,DSS").stream().filter(s -> !s.equalsIgnoreCase("none")).toList(),
                    v.integer("memory-pages", 10), v.integer("dss-content-size", 0), v.path("out"));
            v.done();
            return options;
        }
    }

    /** One measured case: a seal key, a level and a document. */
    private record Case(Stamper.Seal seal, BaselineLevel level, int pages, byte[] pdf, Stamper.Place place) {
        String label() {
            return String.format(Locale.ROOT, "%s %s %d p.", seal.label(), level.label(), pages);
        }
    }

    /** Both sides' merged runs of one case at one thread count. */
    private record Row(Case c, int threads, HeadToHead.Result result) {
    }

    private final BenchLog log = new BenchLog();

    public static void main(String[] args) throws Exception {
        new StampBench().run(Options.parse(args));
    }

    static BaselineLevel level(String label) {
        return Arrays.stream(BaselineLevel.values()).filter(l -> l.label().equalsIgnoreCase(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown level " + label));
    }

    /** The seal's place on the document's last page: 120 x 120 pt, above the image area of the large PDF. */
    static Stamper.Place place(int pages) {
        return new Stamper.Place(pages, 430, 610, 120, 120, 792);
    }

    private void print(String format, Object... args) {
        log.print(format, args);
    }

    private void run(Options options) throws Exception {
        print("Fujie stamping benchmark, %s, Java %s, %d cores", java.time.Instant.now(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        print("measured %.1f s per run, %d rounds alternating Fujie/DSS, threads %s; warm-up %.1f s per signer and case", options.seconds(),
                options.rounds(), Arrays.toString(options.threads()), options.warmup());
        print("Fujie from %s; DSS from %s", BenchLog.origin(org.fujie.pki.pades.PadesSigner.class),
                BenchLog.origin(eu.europa.esig.dss.pades.signature.PAdESService.class));
        HeadToHead headToHead = new HeadToHead(log, "stamps");
        List<Row> rows = new ArrayList<>();
        try (StampFixture fixture = new StampFixture(options.keys(), options.sealPixels())) {
            List<Stamper> stampers = List.of(new FujieStamper(fixture.timeStamper),
                    new DssStamper(fixture.timeStamper, fixture.pki.root.x509(), options.dssContentSize()));
            print("seal image: %,d-byte PNG, %d x %d px, drawn at 120 x 120 pt on the last page; TSA in-process (pki-core, EC P-256)",
                    fixture.png.length, options.sealPixels(), options.sealPixels());
            print("DSS content size: %s", options.dssContentSize() > 0 ? options.dssContentSize() + " bytes" : "DSS's default");
            List<Case> cases = new ArrayList<>();
            for (int pages : options.pages()) {
                byte[] pdf = BenchPdfs.text(pages, "Fujie stamping benchmark");
                print("%d-page PDF: %,d bytes", pages, pdf.length);
                for (Stamper.Seal seal : fixture.seals.values()) {
                    for (BaselineLevel level : options.levels()) {
                        cases.add(new Case(seal, level, pages, pdf, place(pages)));
                    }
                }
            }
            print("");
            print("== Sanity check, one document per signer and case (outside the timed loop)");
            for (Case c : cases) {
                for (Stamper stamper : stampers) {
                    byte[] signed = stamper.stamp(c.pdf(), c.seal(), c.level(), c.place());
                    print("  %-20s %s", c.label(), StampCheck.check(stamper.name(), c.pdf(), signed, fixture.verifier, c.level(), c.place()));
                }
            }
            print("");
            print("== Warm-up, 1 thread, every signer on every case before anything is measured");
            for (Case c : cases) {
                headToHead.warmUp(c.label(), contender(stampers.get(0), c), contender(stampers.get(1), c), options.warmup());
            }
            for (Case c : cases) {
                print("");
                print("== %s (%,d-byte input)", c.label(), c.pdf().length);
                for (int threads : options.threads()) {
                    rows.add(new Row(c, threads, headToHead.rounds("", contender(stampers.get(0), c), contender(stampers.get(1), c), threads,
                            options.rounds(), options.seconds())));
                }
            }
            print("");
            print("== Summary: stamps/s (closed loop, all rounds merged), latency p50 / p99 in ms (nearest rank), ratio Fujie/DSS");
            print("| key | level | pages | threads | Fujie stamps/s | Fujie p50 / p99 | DSS stamps/s | DSS p50 / p99 | Fujie/DSS | other CPU |");
            print("|---|---|---|---|---|---|---|---|---|---|");
            for (Row r : rows) {
                print("| %s | %s | %d | %d | %s", r.c().seal().label(), r.c().level().label(), r.c().pages(), r.threads(), r.result().cells());
            }
            print("TSA: %s", "every B-T stamp of both sides asked the same in-process TSA through the same TimeStampClient");
        }
        if (!options.memory().isEmpty()) {
            print("");
            print("== Peak heap, one %d-page PDF of incompressible images, B-B, EC-P256, each signer in fresh JVMs", options.memoryPages());
            PeakHeap.probe(options.memory(), options.memoryPages(), this::print);
        }
        log.writeTo(options.out());
    }

    /** The signer on the case: a stamp that does not grow the document counts as failed. */
    private static HeadToHead.Contender contender(Stamper stamper, Case c) {
        return new HeadToHead.Contender(stamper.name(), () -> stamper.stamp(c.pdf(), c.seal(), c.level(), c.place()).length > c.pdf().length);
    }

    /** For {@link PeakHeap}'s report lines. */
    interface Printer {
        void print(String format, Object... args);
    }
}
