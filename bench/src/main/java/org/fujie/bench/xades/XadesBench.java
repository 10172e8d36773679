package org.fujie.bench.xades;

import java.nio.file.Path;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.fujie.bench.BenchArgs;
import org.fujie.bench.BenchLog;
import org.fujie.bench.HeadToHead;
import org.fujie.bench.HeadToHead.Contender;
import org.fujie.bench.verify.BenchPki;
import org.fujie.pki.crypto.KeyAlgorithm;

/**
 * XAdES throughput and latency, Fujie (pki-core's XadesSigner and XadesVerifier) against EU DSS 6.3 (XAdESService and
 * SignedDocumentValidator) in one JVM: XAdES-BASELINE-B, enveloped, SHA-256, exclusive c14n, the same EC P-256 seal key
 * and chain, the same PKI and CRLs. Signing is measured on each document; verification on each signer's output by both
 * verifiers. Every signer's output is judged first ({@link XadesCheck}). See bench/README.md, "XAdES benchmark".
 *
 * <pre>
 * java -cp bench/target/bench-0.1.0-SNAPSHOT.jar org.fujie.bench.xades.XadesBench [--seconds 8] [--warmup 6] [--rounds 2]
 *      [--threads 1,2] [--sizes 10k,5m] [--operations sign,verify] [--minimum 3] [--out FILE]
 * </pre>
 */
public final class XadesBench {

    private static final String USAGE = "XadesBench [--seconds 8] [--warmup 6] [--rounds 2] [--threads 1,2] [--sizes 10k,5m]"
            + " [--operations sign,verify] [--minimum 3] [--out FILE]";

    private record Options(double seconds, double warmup, int rounds, int[] threads, List<String> sizes, List<String> operations,
            int minimum, Path out) {
        static Options parse(String[] args) {
            BenchArgs v = BenchArgs.parse(args, USAGE);
            Options options = new Options(v.number("seconds", 8), v.number("warmup", 6), v.integer("rounds", 2), v.integers("threads", "1,2"),
                    v.list("sizes", "10k,5m"), v.list("operations", "sign,verify"), v.integer("minimum", 3), v.path("out"));
            v.done();
            return options;
        }
    }

    /**
     * One measured case: an operation on a document, each side's contender.
     *
     * @param signedBy who signed the document verified, null for signing
     */
    private record Case(String operation, String size, String signedBy, int inputBytes, Contender fujie, Contender dss) {
        String label() {
            return operation + " " + size + (signedBy == null ? "" : " (" + signedBy + "-signed)");
        }
    }

    private record Row(Case c, int threads, HeadToHead.Result result) {
    }

    private final BenchLog log = new BenchLog();

    public static void main(String[] args) throws Exception {
        new XadesBench().run(Options.parse(args));
    }

    /** "10k" = 10,240 bytes, "5m" = 5,242,880 bytes. */
    static int bytes(String size) {
        String s = size.toLowerCase(Locale.ROOT);
        int unit = s.endsWith("k") ? 1024 : s.endsWith("m") ? 1024 * 1024 : 1;
        return Integer.parseInt(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }

    private void print(String format, Object... args) {
        log.print(format, args);
    }

    private void run(Options options) throws Exception {
        print("Fujie XAdES benchmark, %s, Java %s, %d cores, max heap %,d MiB", java.time.Instant.now(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        print("measured %.1f s per run, %d rounds alternating Fujie/DSS, threads %s; warm-up %.1f s per side and case", options.seconds(),
                options.rounds(), Arrays.toString(options.threads()), options.warmup());
        print("each thread completes at least %d operations per run (past the window if need be); rate = sum over threads of"
                + " operations / time to the thread's last counted completion", options.minimum());
        print("Fujie from %s; DSS from %s", BenchLog.origin(org.fujie.pki.xades.XadesSigner.class),
                BenchLog.origin(eu.europa.esig.dss.xades.signature.XAdESService.class));
        List<Row> rows = new ArrayList<>();
        try (BenchPki pki = new BenchPki("Fujie XAdES Bench")) {
            BenchPki.Issued seal = pki.documentSigner("CN=Fujie XAdES Bench Seal EC-P256,O=Fujie Bench", KeyAlgorithm.EC_P256);
            // The root is the verifiers' trust anchor and in neither KeyInfo: DSS leaves a trusted root out by default, and
            // putting it in (setTrustAnchorBPPolicy(false)) cost DSS ~2 ms more per 10 KB signature here.
            List<X509Certificate> chain = List.of(seal.x509(), pki.issuing.x509());
            FujieXades fujie = new FujieXades(pki, seal, chain);
            DssXades dss = new DssXades(pki, seal, chain);
            List<XadesSide> sides = List.of(fujie, dss);
            print("seal: EC P-256, %s; seal and issuing CA certificates in both KeyInfos; signature value by pki-core's SigningKey (BC) for both",
                    seal.x509().getSubjectX500Principal().getName());
            print("revocation: CRLs of root and issuing CA on 127.0.0.1 (%s), cached by each verifier; no OCSP", pki.rootCrlUrl);
            print("Santuario's JCEMapper provider, set before each side's runs: Fujie null (JCA order: %s), DSS \"%s\"",
                    providers(), dss.provider());

            Map<String, byte[]> documents = new LinkedHashMap<>();
            for (String size : options.sizes()) {
                byte[] xml = XmlCatalogue.of(bytes(size));
                documents.put(size, xml);
                print("%s document: %,d bytes, %,d records", size, xml.length, XmlCatalogue.records(xml));
            }
            print("");
            print("== Sanity check, once per signer and document (outside the timed loop)");
            List<Case> cases = new ArrayList<>();
            for (Map.Entry<String, byte[]> document : documents.entrySet()) {
                String size = document.getKey();
                byte[] xml = document.getValue();
                if (options.operations().contains("sign")) {
                    cases.add(new Case("sign", size, null, xml.length, signs(fujie, xml), signs(dss, xml)));
                }
                for (XadesSide signer : sides) {
                    signer.select();
                    byte[] signed = signer.sign(xml);
                    for (String line : XadesCheck.check(signer.name(), xml, signed, sides)) {
                        print("  %-4s %s", size, line);
                    }
                    if (options.operations().contains("verify")) {
                        cases.add(new Case("verify", size, signer.name(), signed.length, verifies(fujie, signed), verifies(dss, signed)));
                    }
                }
            }
            HeadToHead headToHead = new HeadToHead(log, "ops", options.minimum());
            print("");
            print("== Warm-up, 1 thread, both sides on every case before anything is measured");
            for (Case c : cases) {
                headToHead.warmUp(c.label(), c.fujie(), c.dss(), options.warmup());
            }
            for (Case c : cases) {
                print("");
                print("== %s, %,d-byte input", c.label(), c.inputBytes());
                for (int threads : options.threads()) {
                    rows.add(new Row(c, threads, headToHead.rounds("", c.fujie(), c.dss(), threads, options.rounds(), options.seconds())));
                }
            }
            summary(rows);
            print("CRL downloads from the local server: root %d, issuing %d", pki.hits("/crl/root.crl"), pki.hits("/crl/issuing.crl"));
        }
        log.writeTo(options.out());
    }

    private void summary(List<Row> rows) {
        print("");
        print("== Summary: operations/s (closed loop, all rounds merged), latency p50 / p99 in ms (nearest rank), ratio Fujie/DSS");
        print("CPU ms/op: this JVM's CPU time (workers, JIT, GC) per operation; DSS/Fujie: how many times the CPU DSS spends");
        print("| operation | document | signed by | threads | Fujie ops/s | Fujie p50 / p99 | DSS ops/s | DSS p50 / p99 | Fujie/DSS | other CPU"
                + " | CPU ms/op Fujie / DSS | DSS/Fujie CPU |");
        print("|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            double fujieCpu = r.result().first().cpuMsPerOperation(), dssCpu = r.result().second().cpuMsPerOperation();
            print("| %s | %s | %s | %d | %s %.2f / %.2f | %.2fx |", r.c().operation(), r.c().size(), r.c().signedBy() == null ? "-"
                    : r.c().signedBy(), r.threads(), r.result().cells(), fujieCpu, dssCpu, dssCpu / fujieCpu);
        }
    }

    /** Signing the document; output no longer than the input counts as failed. */
    private static Contender signs(XadesSide side, byte[] xml) {
        return new Contender(side.name(), () -> side.sign(xml).length > xml.length, side::select);
    }

    /** Verifying the signed document; anything but TOTAL_PASSED counts as failed. */
    private static Contender verifies(XadesSide side, byte[] signed) {
        return new Contender(side.name(), () -> side.verify(signed).totalPassed(), side::select);
    }

    /** The JCA providers that serve SHA256withECDSA and SHA-256, in the order Santuario would ask without a provider. */
    private static String providers() {
        return "SHA256withECDSA " + first("Signature", "SHA256withECDSA") + ", SHA-256 " + first("MessageDigest", "SHA-256");
    }

    private static String first(String type, String algorithm) {
        for (Provider p : Security.getProviders()) {
            if (p.getService(type, algorithm) != null) {
                return p.getName();
            }
        }
        return "none";
    }
}
