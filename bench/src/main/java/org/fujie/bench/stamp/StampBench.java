package org.fujie.bench.stamp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fujie.bench.BenchPdfs;
import org.fujie.bench.ClosedLoop;
import org.fujie.bench.ClosedLoop.Run;
import org.fujie.bench.SigningCeiling;
import org.fujie.pki.cms.BaselineLevel;

/**
 * PAdES stamping throughput and latency: Fujie's PadesSigner against EU DSS 6.3's PAdESService on the same PDFs, with
 * the same seal key, image, place and TSA, in the same JVM; then the peak heap of stamping one 100 MB PDF, each side in
 * fresh JVMs ({@link PeakHeap}). An SM2 seal (an SM2 PKI and TSA of its own) is stamped by Fujie only, as DSS cannot sign SM2;
 * every seal key's raw signing rate is measured in the same run and each Fujie figure is also given as a ratio to it.
 * See bench/README.md, "Stamping benchmark".
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
            Map<String, String> v = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("-h") || args[i].equals("--help")) {
                    System.out.println(USAGE);
                    System.exit(0);
                }
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value, got " + args[i] + "\n" + USAGE);
                }
                v.put(args[i].substring(2), args[++i]);
            }
            Options options = new Options(Double.parseDouble(v.getOrDefault("seconds", "5")), Double.parseDouble(v.getOrDefault("warmup", "5")),
                    Integer.parseInt(v.getOrDefault("rounds", "2")), ints(v.getOrDefault("threads", "1,2")), ints(v.getOrDefault("pages", "1,100")),
                    list(v.getOrDefault("levels", "B-B,B-T")).stream().map(StampBench::level).toList(),
                    list(v.getOrDefault("keys", "EC-P256,RSA-2048")), Integer.parseInt(v.getOrDefault("seal-pixels", "400")), list(v.getOrDefault("memory", "Fujie,DSS")).stream()
                            .filter(s -> !s.equalsIgnoreCase("none")).toList(),
                    Integer.parseInt(v.getOrDefault("memory-pages", "10")), Integer.parseInt(v.getOrDefault("dss-content-size", "0")),
                    v.containsKey("out") ? Path.of(v.get("out")) : null);
            v.keySet().removeAll(List.of("seconds", "warmup", "rounds", "threads", "pages", "levels", "keys", "seal-pixels", "memory", "memory-pages",
                    "dss-content-size", "out"));
            if (!v.isEmpty()) {
                throw new IllegalArgumentException("unknown option(s) " + v.keySet() + "\n" + USAGE);
            }
            return options;
        }

        private static List<String> list(String csv) {
            return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }

        private static int[] ints(String csv) {
            return list(csv).stream().mapToInt(Integer::parseInt).toArray();
        }
    }

    /** One measured case: a seal key, a level and a document. */
    private record Case(Stamper.Seal seal, BaselineLevel level, int pages, byte[] pdf, Stamper.Place place) {
        String label() {
            return String.format(Locale.ROOT, "%s %s %d p.", seal.label(), level.label(), pages);
        }
    }

    /** Both sides' merged runs of one case at one thread count (dss null when DSS cannot sign the key), and the key's raw rate. */
    private record Row(Case c, int threads, Run fujie, Run dss, SigningCeiling.Result raw) {
    }

    private final StringBuilder report = new StringBuilder();

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
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        report.append(line).append('\n');
    }

    private void run(Options options) throws Exception {
        print("Fujie stamping benchmark, %s, Java %s, %d cores", java.time.Instant.now(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        print("measured %.1f s per run, %d rounds alternating Fujie/DSS, threads %s; warm-up %.1f s per signer and case", options.seconds(),
                options.rounds(), Arrays.toString(options.threads()), options.warmup());
        print("Fujie from %s; DSS from %s", origin(org.fujie.pki.pades.PadesSigner.class),
                origin(eu.europa.esig.dss.pades.signature.PAdESService.class));
        List<Row> rows = new ArrayList<>();
        try (StampFixture fixture = new StampFixture(options.keys(), options.sealPixels())) {
            List<Stamper> stampers = List.of(new FujieStamper(),
                    new DssStamper(fixture.timeStamper, fixture.pki.root.x509(), options.dssContentSize()));
            print("seal image: %,d-byte PNG, %d x %d px, drawn at 120 x 120 pt on the last page; TSA in-process (pki-core, EC P-256%s)",
                    fixture.png.length, options.sealPixels(), options.sealPixels(),
                    fixture.sm2Pki == null ? "" : "; SM2 seals: an SM2 root, issuing CA, CRLs and TSA of their own");
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
                for (Stamper stamper : supporting(stampers, c)) {
                    byte[] signed = stamper.stamp(c.pdf(), c.seal(), c.level(), c.place());
                    print("  %-20s %s", c.label(), StampCheck.check(stamper.name(), c.pdf(), signed, fixture.verifier, c.level(), c.place()));
                }
            }
            print("");
            print("== Warm-up, 1 thread, every signer on every case before anything is measured");
            for (Case c : cases) {
                Run f = measure(stampers.get(0), c, 1, options.warmup());
                Run d = stampers.get(1).supports(c.seal()) ? measure(stampers.get(1), c, 1, options.warmup()) : null;
                print("  %-20s Fujie %,d stamps, DSS %s", c.label(), f.operations(),
                        d == null ? "cannot sign " + c.seal().label() : String.format(Locale.ROOT, "%,d stamps", d.operations()));
                failed("warm-up " + c.label(), d == null ? new Run[] {f} : new Run[] {f, d});
            }
            print("");
            print("== Raw signing rate of each seal key, in process (SigningKey.newContentSigner: Sm2.contentSigner for SM2),"
                    + " %d-byte message", SigningCeiling.MESSAGE_BYTES);
            Map<String, SigningCeiling.Result> raw = new LinkedHashMap<>();
            int rawSeconds = (int) Math.max(1, Math.round(options.seconds()));
            for (Stamper.Seal seal : fixture.seals.values()) {
                for (int threads : options.threads()) {
                    SigningCeiling.Result r = SigningCeiling.signatures(seal.key(), threads, 1, rawSeconds, 0);
                    raw.put(seal.label() + "/" + threads, r);
                    print("  %-8s %d thr: %,9.0f signatures/s (this JVM %.2f cores, machine %.2f)", seal.label(), threads,
                            r.perSecond(), r.cpu().generator(), r.cpu().machine());
                }
            }
            for (Case c : cases) {
                print("");
                print("== %s (%,d-byte input)", c.label(), c.pdf().length);
                for (int threads : options.threads()) {
                    List<Run> fujie = new ArrayList<>();
                    List<Run> dss = new ArrayList<>();
                    for (int round = 1; round <= options.rounds(); round++) {
                        boolean fujieFirst = round % 2 == 1;
                        for (Stamper stamper : supporting(fujieFirst ? stampers : List.of(stampers.get(1), stampers.get(0)), c)) {
                            Run run = measure(stamper, c, threads, options.seconds());
                            (stamper == stampers.get(0) ? fujie : dss).add(run);
                            print("  %d thr, round %d, %-5s: %,8.1f stamps/s  p50 %7.2f ms  p99 %7.2f ms  (%,d stamps, %d failed; CPU this JVM %.2f, other %.2f cores)",
                                    threads, round, stamper.name(), run.rate(), run.percentileMs(50), run.percentileMs(99), run.operations(),
                                    run.failures(), run.ownCores(), run.otherCores());
                            failed(c.label(), run);
                        }
                    }
                    rows.add(new Row(c, threads, Run.merge(fujie), dss.isEmpty() ? null : Run.merge(dss),
                            raw.get(c.seal().label() + "/" + threads)));
                }
            }
            print("");
            print("== Summary: stamps/s (closed loop, all rounds merged), latency p50 / p99 in ms (nearest rank), ratio Fujie/DSS;"
                    + " raw signing rate of the seal key at the same thread count, and Fujie's stamps/s over it");
            print("| key | level | pages | threads | Fujie stamps/s | Fujie p50 / p99 | DSS stamps/s | DSS p50 / p99 | Fujie/DSS"
                    + " | raw signatures/s | Fujie / raw | other CPU |");
            print("|---|---|---|---|---|---|---|---|---|---|---|---|");
            for (Row r : rows) {
                Run f = r.fujie(), d = r.dss();
                double other = d == null ? f.otherCores()
                        : (f.otherCores() * f.seconds() + d.otherCores() * d.seconds()) / (f.seconds() + d.seconds());
                print("| %s | %s | %d | %d | %,.1f | %.2f / %.2f | %s | %s | %s | %,.0f | %.4f | %.2f |", r.c().seal().label(),
                        r.c().level().label(), r.c().pages(), r.threads(), f.rate(), f.percentileMs(50), f.percentileMs(99),
                        d == null ? "-" : String.format(Locale.ROOT, "%,.1f", d.rate()),
                        d == null ? "-" : String.format(Locale.ROOT, "%.2f / %.2f", d.percentileMs(50), d.percentileMs(99)),
                        d == null ? "DSS cannot sign " + r.c().seal().label()
                                : String.format(Locale.ROOT, "**%.2fx**", f.rate() / d.rate()),
                        r.raw().perSecond(), f.rate() / r.raw().perSecond(), other);
            }
            print("TSA: every B-T stamp of both sides with an EC or RSA seal asked the same in-process EC P-256 TSA through the same"
                    + " TimeStampClient%s", fixture.sm2Pki == null ? "" : "; SM2 seals asked the SM2 PKI's in-process SM2 TSA (SM3 imprint)");
        }
        if (!options.memory().isEmpty()) {
            print("");
            print("== Peak heap, one %d-page PDF of incompressible images, B-B, EC-P256, each signer in fresh JVMs", options.memoryPages());
            PeakHeap.probe(options.memory(), options.memoryPages(), this::print);
        }
        if (options.out() != null) {
            Path parent = options.out().toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(options.out(), report);
            System.out.println("written to " + options.out());
        }
    }

    /** The jar (and its time) a class was loaded from: which build of pki-core is measured. */
    private static String origin(Class<?> type) {
        try {
            Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar + " (" + Files.getLastModifiedTime(jar) + ")";
        } catch (Exception e) {
            return "?";
        }
    }

    private static List<Stamper> supporting(List<Stamper> stampers, Case c) {
        return stampers.stream().filter(s -> s.supports(c.seal())).toList();
    }

    private static Run measure(Stamper stamper, Case c, int threads, double seconds) throws InterruptedException {
        return ClosedLoop.measure("stamp-" + stamper.name(),
                () -> stamper.stamp(c.pdf(), c.seal(), c.level(), c.place()).length > c.pdf().length, threads, seconds);
    }

    private static void failed(String what, Run... runs) {
        for (Run run : runs) {
            if (run.failures() > 0) {
                throw new IllegalStateException(what + ": " + run.failures() + " stamps failed; first: " + run.firstFailure());
            }
        }
    }

    /** For {@link PeakHeap}'s report lines. */
    interface Printer {
        void print(String format, Object... args);
    }
}
