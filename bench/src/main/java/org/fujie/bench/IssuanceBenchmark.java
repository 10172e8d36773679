package org.fujie.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Locale;

import org.bouncycastle.cert.X509CertificateHolder;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.operator.SoftwareKeyBackend;

/**
 * The issuance benchmark: drives POST /api/v1/certificates of a running ca-service with N concurrent
 * mutual-TLS clients and reports certificates per second and latency percentiles; then, in the same
 * run, measures the ceiling (complete certificates signed per second with the same CA key, in
 * process) and the ratio between the two. See bench/README.md.
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
        Instant at = Instant.now();
        TlsMaterial tls = TlsMaterial.load(options.dataDir());
        SigningKey caKey = loadCaKey(options.dataDir());

        long started = System.nanoTime();
        CsrPool pool = CsrPool.generate(options.csrPoolSize(), options.profile());
        log("%d EC-P256 CSRs generated in %.1f s", pool.size(), (System.nanoTime() - started) / 1e9);

        LoadGenerator.Result load;
        try (Transport transport = Transport.create(options.transport(), tls.sslContext(), options.url(), options.clients())) {
            X509Certificate smoke = SmokeCheck.run(transport, pool.next(), tls.issuingCa());
            log("smoke request: 201, serial %s, signed by %s", smoke.getSerialNumber().toString(16),
                    smoke.getIssuerX500Principal().getName());
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
            SigningCeiling crypto = new SigningCeiling(new X509CertificateHolder(tls.issuingCa().getEncoded()), caKey,
                    pool, "http://127.0.0.1:8080");
            log("ceiling: %d signing threads, %d s warm-up + %d s measured ...", options.ceilingThreads(), warmup,
                    options.ceilingSeconds());
            ceiling = crypto.signing(options.ceilingThreads(), warmup, options.ceilingSeconds(), options.serverPid());
            log("ceiling: %.0f certificates signed/s", ceiling.perSecond());
            log("CSR checks: %d threads, %d s warm-up + %d s measured ...", options.ceilingThreads(), warmup,
                    options.ceilingSeconds());
            csrChecks = crypto.csrChecks(options.ceilingThreads(), warmup, options.ceilingSeconds(), options.serverPid());
            log("CSR checks: %.0f/s", csrChecks.perSecond());
        }

        Report report = new Report(at, options, pool.size(), load, ceiling, csrChecks);
        report.print(System.out);
        Path file = report.write(options.outDir());
        System.out.println("result: " + file.toAbsolutePath());
        return load.successes() > 0 ? 0 : 1;
    }

    /** The issuing CA's key, read from DIR/keys with the passphrase in DIR/secrets/key-passphrase. */
    private static SigningKey loadCaKey(Path dataDir) throws Exception {
        char[] passphrase = Files.readString(dataDir.resolve("secrets/key-passphrase"), StandardCharsets.UTF_8)
                .strip().toCharArray();
        return new SoftwareKeyBackend(dataDir.resolve("keys"), passphrase).get("ca-issuing");
    }

    private static void log(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
    }
}
