package org.fujie.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.SigningKey;

/**
 * The issuance benchmark: drives POST /api/v1/certificates of a running ca-service with N concurrent
 * mutual-TLS clients and reports certificates per second and latency percentiles; then, in the same
 * run, measures the ceiling (complete certificates signed per second with the same CA key, in
 * process) and the ratio between the two. With {@code --algorithms EC-P256,SM2} it does all of that
 * for each algorithm in turn against the same service (for SM2 with an SM2 root and issuing CA it
 * creates through the API, and SM2 CSRs) and prints them side by side. See bench/README.md.
 */
public final class IssuanceBenchmark {

    private IssuanceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(options));
    }

    static int run(BenchOptions options) throws Exception {
        CryptoProviders.bouncyCastle();
        TlsMaterial tls = TlsMaterial.load(options.dataDir());
        List<Report> reports = new ArrayList<>();
        for (KeyAlgorithm algorithm : options.algorithms()) {
            reports.add(run(options, tls, algorithm));
        }
        for (Report report : reports) {
            report.print(System.out);
        }
        if (reports.size() > 1) {
            Report.printSideBySide(System.out, reports);
        }
        for (Report report : reports) {
            System.out.println("result: " + report.write(options.outDir()).toAbsolutePath());
        }
        return reports.stream().allMatch(r -> r.load().successes() > 0) ? 0 : 1;
    }

    /** End to end, then the ceiling and the CSR checks, for one algorithm's CA and CSRs. */
    private static Report run(BenchOptions options, TlsMaterial tls, KeyAlgorithm algorithm) throws Exception {
        Instant at = Instant.now();
        log("== %s ==", algorithm.id());
        LoadGenerator.Result load;
        BenchCa ca;
        CsrPool pool;
        try (Transport transport = Transport.create(options.transport(), tls.sslContext(), options.url(), options.clients())) {
            ca = BenchCa.of(algorithm, tls, transport);
            log("%s CA: %s (id %s)", algorithm.id(), ca.certificate().getSubject(), ca.id());
            long started = System.nanoTime();
            pool = CsrPool.generate(options.csrPoolSize(), options.profile(), algorithm, ca.caIdForRequests());
            log("%d %s CSRs generated in %.1f s", pool.size(), algorithm.id(), (System.nanoTime() - started) / 1e9);
            X509CertificateHolder smoke = SmokeCheck.run(transport, pool.next(), ca.certificate());
            log("smoke request: 201, serial %s, signed by %s", smoke.getSerialNumber().toString(16), smoke.getIssuer());
            log("end-to-end: %d clients (%s), %s warm-up + %d s measured ...", options.clients(), options.transport(),
                    options.warmupSeconds() < 0 ? "automatic" : options.warmupSeconds() + " s", options.seconds());
            load = new LoadGenerator(transport, pool).run(options.clients(), options.transport(),
                    options.warmupSeconds(), options.seconds(), options.serverPid());
            log("end-to-end: %.0f certificates/s, %d errors", load.perSecond(), load.errorCount());
        }

        SigningCeiling.Result ceiling = null;
        SigningCeiling.Result csrChecks = null;
        if (options.ceilingSeconds() > 0) {
            int warmup = 5;
            SigningKey caKey = ca.key(options.dataDir());
            SigningCeiling crypto = new SigningCeiling(ca.certificate(), caKey, pool, "http://127.0.0.1:8080");
            log("ceiling: %d signing threads, %d s warm-up + %d s measured ...", options.ceilingThreads(), warmup,
                    options.ceilingSeconds());
            ceiling = crypto.signing(options.ceilingThreads(), warmup, options.ceilingSeconds(), options.serverPid());
            log("ceiling: %.0f certificates signed/s", ceiling.perSecond());
            log("CSR checks: %d threads, %d s warm-up + %d s measured ...", options.ceilingThreads(), warmup,
                    options.ceilingSeconds());
            csrChecks = crypto.csrChecks(options.ceilingThreads(), warmup, options.ceilingSeconds(), options.serverPid());
            log("CSR checks: %.0f/s", csrChecks.perSecond());
        }
        return new Report(at, options, algorithm, ca.id(), pool.size(), load, ceiling, csrChecks);
    }

    private static void log(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
    }
}
