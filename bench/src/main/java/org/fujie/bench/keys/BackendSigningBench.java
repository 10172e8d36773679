package org.fujie.bench.keys;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.fujie.bench.BenchArgs;
import org.fujie.bench.BenchLog;
import org.fujie.bench.ClosedLoop;
import org.fujie.bench.ClosedLoop.Run;
import org.fujie.pki.crypto.CryptoProviders;
import org.fujie.pki.crypto.KeyAlgorithm;
import org.fujie.pki.operator.KeyBackend;
import org.fujie.pki.operator.Pkcs11KeyBackend;
import org.fujie.pki.operator.SigningKey;
import org.fujie.pki.operator.SoftHsm;
import org.fujie.pki.operator.SoftwareKeyBackend;
import org.fujie.pki.operator.vault.VaultSettings;
import org.fujie.pki.operator.vault.VaultTransitKeyBackend;

/**
 * Signatures per second through each key backend (issue 9), in one JVM: encrypted software keys, a SoftHSM2 token made
 * fresh for the run (SunPKCS11), and Vault's Transit API through {@link VaultTransitKeyBackend} (the real
 * vault-java-driver over HTTP on 127.0.0.1) against pki-core's stand-in, NOT a real Vault. Each signature is what a
 * certificate needs: {@code key.newContentSigner()}, 512 bytes written, {@code getSignature()}. For each algorithm and
 * thread count, rounds rotate the order of the backends; each backend's rate is divided by the software backend's of the
 * same case. The stand-in runs in this JVM: its CPU is measured by thread and reported apart.
 */
public final class BackendSigningBench {

    private static final String USAGE = "BackendSigningBench [--seconds 5] [--warmup 4] [--rounds 2] [--threads 1,2,8]"
            + " [--algorithms EC-P256,RSA-2048] [--backends software,softhsm2,vault] [--nodelay true] --out FILE\n"
            + "  needs SOFTHSM2_CONF naming a file in an empty directory (run-keys.sh sets it)";
    private static final String ROOT_TOKEN = "bench-root-token";
    private static final int MESSAGE_BYTES = 512;

    private final BenchLog log = new BenchLog();
    private final byte[] message = new byte[MESSAGE_BYTES];
    private final boolean noDelay;

    private BackendSigningBench(boolean noDelay) {
        this.noDelay = noDelay;
    }

    /** One backend under test; {@code standIn} is set for the Vault one. */
    private record Side(String name, KeyBackend backend, BenchVaultStandIn standIn) {
    }

    /** One backend's runs of one case merged, and the stand-in's CPU seconds in them. */
    private record Measured(Run run, double standInCpuSeconds) {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs options = BenchArgs.parse(args, USAGE);
        double seconds = options.number("seconds", 5);
        double warmup = options.number("warmup", 4);
        int rounds = options.integer("rounds", 2);
        int[] threads = options.integers("threads", "1,2,8");
        List<KeyAlgorithm> algorithms = options.list("algorithms", "EC-P256,RSA-2048").stream().map(BackendSigningBench::algorithm).toList();
        List<String> backends = options.list("backends", "software,softhsm2,vault");
        boolean noDelay = Boolean.parseBoolean(options.text("nodelay", "true"));
        Path out = options.path("out");
        options.done();
        if (!backends.contains("software")) {
            throw new IllegalArgumentException("the software backend is the peer every ratio needs\n" + USAGE);
        }
        new BackendSigningBench(noDelay).run(seconds, warmup, rounds, threads, algorithms, backends, out);
    }

    private void run(double seconds, double warmup, int rounds, int[] threads, List<KeyAlgorithm> algorithms, List<String> names,
            Path out) throws Exception {
        CryptoProviders.bouncyCastle();
        new SecureRandom().nextBytes(message);
        log.print("Fujie key-backend signing benchmark (issue 9), %s, Java %s, %d cores, load average %s", Instant.now(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), loadAverage());
        log.print("pki-core from %s", BenchLog.origin(KeyBackend.class));
        log.print("each signature: newContentSigner(), %d bytes, getSignature(); %d round(s) of %.1f s per case, %.1f s warm-up",
                MESSAGE_BYTES, rounds, seconds, warmup);
        Path work = Files.createTempDirectory("fujie-keybench");
        int maxThreads = java.util.Arrays.stream(threads).max().orElse(1);
        List<Side> sides = new ArrayList<>();
        try {
            for (String name : names) {
                sides.add(open(name, work, maxThreads));
            }
            List<String> rows = new ArrayList<>();
            for (KeyAlgorithm algorithm : algorithms) {
                rows.addAll(measure(algorithm, sides, threads, rounds, seconds, warmup));
            }
            log.print("");
            log.print("== Summary (÷ software: the backend's signatures/s over the software backend's, same algorithm, threads and run;");
            log.print("   by CPU: the software backend's CPU ms per signature over the backend's, which other jobs on the machine move less)");
            log.print("| algorithm | threads | backend | signatures/s | p50 / p99 ms | ÷ software | CPU ms/sig, this JVM | of which stand-in | ÷ software by CPU | other processes (cores) |");
            log.print("|---|---|---|---|---|---|---|---|---|---|");
            rows.forEach(row -> log.print("%s", row));
            log.print("");
            log.print("The Vault figures measure vault-java-driver + HTTP on 127.0.0.1 + the stand-in's signing, all in this JVM: not a real Vault.");
            log.print("SoftHSM2 signs in software inside the PKCS#11 library: its figures are PKCS#11 overhead, not an HSM's speed.");
        } finally {
            for (Side side : sides) {
                if (side.standIn() != null) {
                    side.standIn().close();
                }
            }
        }
        log.writeTo(out);
    }

    private Side open(String name, Path work, int maxThreads) throws Exception {
        switch (name) {
            case "software" -> {
                return new Side(name, new SoftwareKeyBackend(work.resolve("keys"), "bench-passphrase-0123".toCharArray()), null);
            }
            case "softhsm2" -> {
                SoftHsm.Token token = SoftHsm.newToken();
                log.print("SoftHSM2 token %s in slot %d (%s, SOFTHSM2_CONF=%s)", token.label(), token.slot(), SoftHsm.LIBRARY,
                        System.getenv("SOFTHSM2_CONF"));
                return new Side(name, Pkcs11KeyBackend.open(SoftHsm.LIBRARY, token.slot(), SoftHsm.PIN.toCharArray()), null);
            }
            case "vault" -> {
                // More handler threads than clients: a real Vault serves requests concurrently.
                BenchVaultStandIn standIn = BenchVaultStandIn.start(ROOT_TOKEN, maxThreads + 2, noDelay);
                VaultSettings settings = VaultSettings.builder(standIn.address(), VaultSettings.token(ROOT_TOKEN))
                        .keyCacheTtl(Duration.ofHours(1)).build();
                log.print("Vault Transit stand-in (not Vault) at %s, %d handler threads, TCP_NODELAY %s; %s", standIn.address(),
                        maxThreads + 2, noDelay, settings);
                return new Side(name, VaultTransitKeyBackend.open(settings), standIn);
            }
            default -> throw new IllegalArgumentException("unknown backend " + name + "\n" + USAGE);
        }
    }

    private List<String> measure(KeyAlgorithm algorithm, List<Side> sides, int[] threads, int rounds, double seconds, double warmup)
            throws Exception {
        log.print("");
        log.print("== %s", algorithm.id());
        Map<Side, ClosedLoop.Operation> operations = new LinkedHashMap<>();
        for (Side side : sides) {
            SigningKey key = side.backend().generate("bench-" + algorithm.id().toLowerCase(Locale.ROOT), algorithm);
            check(side, key);
            operations.put(side, () -> sign(key).length > 0);
        }
        for (Side side : sides) {
            Run warm = ClosedLoop.measure("warm-" + side.name(), operations.get(side), 1, warmup);
            requireNoFailures(side, warm);
            log.print("  warm-up %-9s %,7d signatures (%,.0f/s)", side.name(), warm.operations(), warm.rate());
        }
        List<String> rows = new ArrayList<>();
        for (int t : threads) {
            Map<Side, List<Run>> runs = new LinkedHashMap<>();
            Map<Side, Double> standInCpu = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                List<Side> order = new ArrayList<>(sides);
                java.util.Collections.rotate(order, -(round - 1));  // each backend leads in turn
                for (Side side : order) {
                    long standInBefore = side.standIn() == null ? 0 : side.standIn().cpuNanos();
                    Run run = ClosedLoop.measure(side.name(), operations.get(side), t, seconds);
                    double standIn = side.standIn() == null ? 0 : (side.standIn().cpuNanos() - standInBefore) / 1e9;
                    requireNoFailures(side, run);
                    runs.computeIfAbsent(side, s -> new ArrayList<>()).add(run);
                    standInCpu.merge(side, standIn, Double::sum);
                    log.print("  %d thr, round %d, %-9s %,9.1f sig/s  p50 %7.2f ms  p99 %7.2f ms  CPU this JVM %.2f cores%s, other %.2f",
                            t, round, side.name(), run.rate(), run.percentileMs(50), run.percentileMs(99), run.ownCores(),
                            side.standIn() == null ? "" : String.format(Locale.ROOT, " (stand-in %.2f)", standIn / run.seconds()),
                            run.otherCores());
                }
            }
            Run software = Run.merge(runs.get(find(sides, "software")));
            for (Side side : sides) {
                Measured m = new Measured(Run.merge(runs.get(side)), standInCpu.get(side));
                rows.add(row(algorithm, t, side, m, software));
            }
        }
        return rows;
    }

    private static String row(KeyAlgorithm algorithm, int threads, Side side, Measured m, Run software) {
        Run run = m.run();
        String standIn = side.standIn() == null ? "" : String.format(Locale.ROOT, "%.3f (%.0f %%)",
                m.standInCpuSeconds() * 1000 / run.operations(), 100 * m.standInCpuSeconds() / run.cpuSeconds());
        boolean peer = side.name().equals("software");
        return String.format(Locale.ROOT, "| %s | %d | %s | %,.0f | %.2f / %.2f | %s | %.3f | %s | %s | %.2f |", algorithm.id(), threads,
                side.name(), run.rate(), run.percentileMs(50), run.percentileMs(99),
                peer ? "1" : String.format(Locale.ROOT, "**%.3f**", run.rate() / software.rate()),
                run.cpuMsPerOperation(), standIn,
                peer ? "1" : String.format(Locale.ROOT, "%.3f", software.cpuMsPerOperation() / run.cpuMsPerOperation()),
                run.otherCores());
    }

    private byte[] sign(SigningKey key) throws Exception {
        ContentSigner signer = key.newContentSigner();
        try (OutputStream data = signer.getOutputStream()) {
            data.write(message);
        }
        return signer.getSignature();
    }

    /** Outside the timed loop: a signature from this backend verifies under the key's public key (Bouncy Castle). */
    private void check(Side side, SigningKey key) throws Exception {
        ContentSigner signer = key.newContentSigner();
        signer.getOutputStream().write(message);
        byte[] signature = signer.getSignature();
        ContentVerifier verifier = new JcaContentVerifierProviderBuilder().setProvider(CryptoProviders.bouncyCastle())
                .build(key.publicKeyInfo()).get(signer.getAlgorithmIdentifier());
        verifier.getOutputStream().write(message);
        if (!verifier.verify(signature)) {
            throw new IllegalStateException(side.name() + "'s " + key.algorithm().id() + " signature does not verify");
        }
        log.print("  %-9s %s key %s: signature verifies (Bouncy Castle)", side.name(), key.algorithm().id(), key.alias());
    }

    private static void requireNoFailures(Side side, Run run) {
        if (run.failures() > 0 || run.operations() == 0) {
            throw new IllegalStateException(side.name() + ": " + run.failures() + " of " + run.operations() + " signatures failed"
                    + (run.firstFailure() == null ? "" : "; first error: " + run.firstFailure()));
        }
    }

    private static Side find(List<Side> sides, String name) {
        return sides.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static KeyAlgorithm algorithm(String id) {
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
            if (algorithm.id().equalsIgnoreCase(id)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unknown algorithm " + id + "\n" + USAGE);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
